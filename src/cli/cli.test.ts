import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db/database.ts';
import { renderConfigurationDoc, configurationDocPath } from '../../scripts/configuration-doc.ts';
import { configVariables } from '../core/config.ts';

const run = promisify(execFile);
const cliPath = new URL('../../bin/pasja.js', import.meta.url).pathname;

async function pasja(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [cliPath, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const commands = ['serve', 'worker', 'migrate', 'create-tenant', 'create-user', 'seed-demo', 'export', 'config'];

describe('pasja CLI and its documentation', () => {
  it('lists every command in --help, and the README documents each', async () => {
    const help = await pasja(['--help']);
    expect(help.code).toBe(0);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const command of commands) {
      expect(help.stdout).toContain(command);
      expect(readme).toContain(`\`${command}`);
    }
  });

  it('opens the README with the install-and-start and the test commands', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const firstBlock = readme.split('```')[1] ?? '';
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain('serve');
  });

  it('keeps docs/configuration.md equal to what the config schema generates', () => {
    expect(readFileSync(configurationDocPath, 'utf8')).toBe(renderConfigurationDoc());
    for (const name of Object.keys(configVariables)) expect(readFileSync(configurationDocPath, 'utf8')).toContain(`\`${name}\``);
  });

  it('prints the effective config as JSON with secrets masked', async () => {
    const result = await pasja(['config', '--json'], { DATABASE_URL: 'postgres://u:topsecret@h/db', PORT: '4000' });
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.stdout) as Record<string, string>;
    expect(shown.PORT).toBe('4000');
    expect(result.stdout).not.toContain('topsecret');
  });

  it('stops on invalid configuration listing every bad variable', async () => {
    const result = await pasja(['config'], { PORT: 'x', LOG_LEVEL: 'loud' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('LOG_LEVEL');
  });

  it('creates a tenant and a user on a stopped embedded data dir, and says so when a server holds it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pasja-cli-'));
    const env = { DATA_DIR: dataDir };
    const created = await pasja(['create-tenant', '--slug', 'chlodpol', '--name', 'Chłodpol', '--owner-email', 'szef@chlodpol.pl', '--owner-password', 'bardzo-tajne-1', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'chlodpol' });
    const user = await pasja(['create-user', '--tenant', 'chlodpol', '--email', 'tech@chlodpol.pl', '--password', 'technik-123456', '--role', 'technician'], env);
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toContain('as technician in chlodpol');

    const holder = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const refused = await pasja(['migrate'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by another Pasja process \(pid \d+\)/);
    } finally {
      await holder.close();
    }
  }, 60_000);
});
