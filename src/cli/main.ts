import { Command, Option } from 'commander';
import { createLogger } from '../core/log/logger.ts';
import { buildApp, databaseTargetOf, version, type App } from '../app.ts';
import { ConfigError, describeConfig, loadConfig, type Config } from '../core/config.ts';
import { openDatabase } from '../core/db/database.ts';
import { DataDirLockedError } from '../core/db/data-dir-lock.ts';
import { migrateToLatest } from '../core/db/migrator.ts';
import { AppError } from '../core/errors.ts';
import { roles } from '../core/http/access.ts';
import type { Role } from '../core/db/schema.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { exportCommand } from './export-command.ts';
import { regionsCommand } from './regions-command.ts';
import { serve, runWorker } from './serve.ts';

// `pasja` — every command reads the same configuration (environment, see docs/configuration.md)
// and works on the same storage as the server: DATA_DIR (embedded) or DATABASE_URL.
const program = new Command('pasja')
  .description('Pasja: field-service CRM for HVAC service companies')
  .version(version)
  .showHelpAfterError()
  .addHelpText('after', '\nConfiguration comes from environment variables; run `pasja config` to see them, docs/configuration.md to read about them.');

const json = new Option('--json', 'print machine-readable JSON');

program
  .command('serve')
  .description('start the HTTP server (and, on the embedded database, the background workers); migrates first')
  .action(async () => serve(config()));

program
  .command('worker')
  .description('run background workers only (outbox dispatcher, job queues); needs DATABASE_URL and REDIS_URL to share work with servers')
  .action(async () => runWorker(config()));

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .addOption(json)
  .action(async (options: { json?: boolean }) => {
    const db = await openDatabase(databaseTargetOf(config()));
    try {
      const result = await migrateToLatest(db.kysely);
      print(options.json, result, result.applied.length === 0 ? `Database is up to date (${result.alreadyApplied} migrations applied before).` : `Applied: ${result.applied.join(', ')}`);
    } finally {
      await db.close();
    }
  });

program
  .command('create-tenant')
  .description('create a tenant with its owner')
  .requiredOption('--slug <slug>', 'short name in URLs, e.g. chlodpol')
  .requiredOption('--name <name>', 'company name')
  .requiredOption('--owner-email <email>', "owner's e-mail (login)")
  .requiredOption('--owner-password <password>', "owner's password (at least 10 characters)")
  .option('--owner-name <name>', "owner's full name", 'Owner')
  .addOption(json)
  .action(async (options: { slug: string; name: string; ownerEmail: string; ownerPassword: string; ownerName: string; json?: boolean }) =>
    withApp(async (app) => {
      assertPassword(options.ownerPassword);
      const result = await app.identity.createTenantWithOwner({
        tenantSlug: options.slug,
        tenantName: options.name,
        ownerEmail: options.ownerEmail,
        ownerName: options.ownerName,
        ownerPassword: options.ownerPassword,
      });
      print(options.json, { slug: options.slug, ...result }, `Created tenant ${options.slug} (${result.tenantId}) with owner ${options.ownerEmail}.`);
    }),
  );

program
  .command('create-user')
  .description('add a user to a tenant with a role (creates the account if the e-mail is new)')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .requiredOption('--email <email>', 'e-mail (login)')
  .requiredOption('--password <password>', 'password for a new account (at least 10 characters)')
  .option('--name <name>', 'full name', 'User')
  .addOption(new Option('--role <role>', 'role in the tenant').choices(roles).default('viewer'))
  .addOption(json)
  .action(async (options: { tenant: string; email: string; password: string; name: string; role: Role; json?: boolean }) =>
    withApp(async (app) => {
      assertPassword(options.password);
      const result = await app.identity.addUser(options.tenant, { email: options.email, name: options.name, password: options.password, role: options.role });
      print(options.json, result, `${result.created ? 'Created' : 'Added existing'} user ${options.email} as ${options.role} in ${options.tenant}.`);
    }),
  );

program
  .command('seed-demo')
  .description('create the demo company (tenant "demo"): a Warsaw HVAC service firm with users in every role')
  .option('--seed <number>', 'seed for the generated data (same seed, same data)', '1')
  .option('--password <password>', 'password of every demo user (random if omitted)')
  .option('--customers <number>', 'how many customers to generate, with contacts, sites and history', '3000')
  .addOption(json)
  .action(async (options: { seed: string; password?: string; customers: string; json?: boolean }) =>
    withApp(async (app) => {
      if (options.password !== undefined) assertPassword(options.password);
      const result = await seedDemo(app, { seed: Number(options.seed), password: options.password, customers: Number(options.customers) });
      const lines = [`Demo tenant "${result.tenantSlug}" created. Every user's password: ${result.password}`, ...result.users.map((u) => `  ${u.role.padEnd(10)} ${u.email}  (${u.name})`)];
      print(options.json, result, lines.join('\n'));
    }),
  );

program.addCommand(regionsCommand(withApp));
program.addCommand(exportCommand(withApp));

program
  .command('config')
  .description('print the effective configuration (secrets masked)')
  .addOption(json)
  .action((options: { json?: boolean }) => {
    const shown = describeConfig(config());
    print(options.json, shown, Object.entries(shown).map(([name, value]) => `${name}=${value}`).join('\n'));
  });

function config(): Config {
  return loadConfig();
}

async function withApp(work: (app: App) => Promise<void>): Promise<void> {
  const settings = config();
  // Commands print their results on stdout (pasja export writes a whole file there): logs go to stderr.
  const app = await buildApp({ config: settings, serveWeb: false, logger: createLogger({ level: settings.LOG_LEVEL, destination: process.stderr }) });
  try {
    await work(app);
  } finally {
    await app.close();
  }
}

function assertPassword(password: string): void {
  if (password.length < 10) throw new AppError('invalid_input', 'The password needs at least 10 characters');
}

function print(asJson: boolean | undefined, data: unknown, text: string): void {
  process.stdout.write(asJson ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Known failures get one clear line and exit 1; anything else keeps its stack for a bug report.
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof AppError) {
    process.stderr.write(`pasja: ${error.message}\n`);
  } else {
    process.stderr.write(`pasja: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
}
