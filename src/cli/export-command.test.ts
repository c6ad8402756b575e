import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pasjaExportColumns } from '../modules/imports/presets.ts';

const run = promisify(execFile);
const cliPath = new URL('../../bin/pasja.js', import.meta.url).pathname;

// Bytes, not text: the test is about what lands in a file redirected from stdout, BOM included.
async function pasja(args: string[], env: Record<string, string>): Promise<{ stdout: Buffer; stderr: string }> {
  const { stdout, stderr } = await run('node', [cliPath, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, encoding: 'buffer' });
  return { stdout, stderr: stderr.toString('utf8') };
}

describe('pasja export', () => {
  it('writes the CSV, and only the CSV, to stdout from a stopped embedded data dir', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'pasja-export-')) };
    await pasja(['create-tenant', '--slug', 'chlodpol', '--name', 'Chłodpol', '--owner-email', 'szef@chlodpol.pl', '--owner-password', 'bardzo-tajne-1'], env);
    const sut = await pasja(['export', '--tenant', 'chlodpol', '--format', 'csv'], env);
    expect([...sut.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sut.stdout.subarray(3).toString('utf8')).toBe(`${Object.keys(pasjaExportColumns).join(';')}\r\n`);
    expect(sut.stderr).toBe('Exported 0 customers of chlodpol as csv.\n');
  }, 60_000);
});
