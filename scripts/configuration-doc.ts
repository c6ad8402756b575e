import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configVariables, defaultOf, type ConfigVariableName } from '../src/core/config.ts';

// docs/configuration.md is generated from the config schema, so the two cannot drift apart
// (a test fails when the committed file differs from what this prints).
export const configurationDocPath = fileURLToPath(new URL('../docs/configuration.md', import.meta.url));

export function renderConfigurationDoc(): string {
  const rows = (Object.keys(configVariables) as ConfigVariableName[]).map((name) => {
    const spec = configVariables[name];
    const fallback = defaultOf(name);
    const secret = 'secret' in spec && spec.secret ? ' Secret: masked by `pasja config`.' : '';
    return `| \`${name}\` | ${fallback === undefined ? '(unset)' : `\`${fallback}\``} | ${spec.description}${secret} |`;
  });
  return [
    '# Configuration',
    '',
    'Pasja reads its configuration from environment variables, once, at start. Every command (`pasja serve`,',
    '`pasja worker`, `pasja migrate`, …) uses the same variables. An invalid value stops the start with a list',
    'of every invalid variable. `pasja config` prints the effective values with secrets masked.',
    '',
    'This page is generated from `src/core/config.ts` by `npm run docs:config`.',
    '',
    '| variable | default | meaning |',
    '|---|---|---|',
    ...rows,
    '',
    '## Two ways to run',
    '',
    '- **Embedded (default):** no `DATABASE_URL`, no `REDIS_URL`. One process holds the PGlite database in',
    '  `DATA_DIR` (with an exclusive lock file `pasja.lock`) and runs the workers itself.',
    '- **Scale-out:** `DATABASE_URL` (PostgreSQL 15+, with the `pg_trgm` and `unaccent` extensions available;',
    '  `vector` is used when available) and `REDIS_URL`. Run several `pasja serve` and `pasja worker` processes.',
    '  The database user that runs migrations needs to create the role `pasja_app` (or an administrator',
    '  creates it beforehand: `CREATE ROLE pasja_app NOLOGIN; GRANT pasja_app TO <user>;`).',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = renderConfigurationDoc();
  if (process.argv.includes('--write')) writeFileSync(configurationDocPath, doc);
  else if (readFileSync(configurationDocPath, 'utf8') !== doc) process.exitCode = 1;
  process.stdout.write(doc);
}
