import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

describe('config', () => {
  it('gives every variable its default on an empty environment', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', DEMO_SEED: true });
    expect(sut.DATABASE_URL).toBeUndefined();
    expect(sut.REDIS_URL).toBeUndefined();
  });

  it('converts numbers and booleans from strings', () => {
    expect(loadConfig({ PORT: '8080', TRUST_PROXY: 'true' })).toMatchObject({ PORT: 8080, TRUST_PROXY: true });
  });

  it('lists every invalid variable at once, naming each', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(names).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'LOG_LEVEL']));
      expect((error as ConfigError).problems.join('\n')).toContain('(got "eighty")');
    }
  });

  it('masks secrets when describing the effective config', () => {
    const shown = describeConfig(loadConfig({ DATABASE_URL: 'postgres://pasja:s3cret@db.local:5432/pasja', REDIS_URL: 'redis://:hunter2@cache:6379' }));
    expect(shown.DATABASE_URL).toBe('postgres://pasja:****@db.local:5432/pasja');
    expect(shown.REDIS_URL).not.toContain('hunter2');
  });
});
