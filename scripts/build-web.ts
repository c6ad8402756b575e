import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// Builds the browser app when its sources changed since the last build, so `npm start` and the
// test suite always serve a current web/dist without a manual build step (and skip it when fresh).
const root = fileURLToPath(new URL('..', import.meta.url));
const webDir = join(root, 'web');
const stampFile = join(webDir, 'dist', '.source-hash');

function sourceHash(): string {
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name === 'dist' || name === 'node_modules') continue;
      if (statSync(path).isDirectory()) visit(path);
      else hash.update(relative(root, path)).update(readFileSync(path));
    }
  };
  visit(webDir);
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex');
}

export async function buildWebIfStale(): Promise<'built' | 'fresh'> {
  const hash = sourceHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return 'fresh';
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stampFile, hash);
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const outcome = await buildWebIfStale();
  if (outcome === 'built') process.stdout.write(`Built the web app in ${Date.now() - started} ms\n`);
}
