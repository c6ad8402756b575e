// A scheduler run in a process of its own, for the crash test (maintenance.test.ts kills it with
// SIGKILL mid-run): `node --import tsx scheduler-process.ts DATABASE_URL YYYY-MM-DD`.
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/log/logger.ts';

const [databaseUrl, today] = process.argv.slice(2);
if (!databaseUrl || !today) throw new Error('usage: scheduler-process.ts DATABASE_URL YYYY-MM-DD');
const app = await buildApp({ config: loadConfig({ DATABASE_URL: databaseUrl, DEMO_SEED: 'false', RUN_WORKERS: 'false', LOG_LEVEL: 'warn' }), logger: createLogger({ level: 'warn' }), serveWeb: false });
process.stdout.write('started\n');
const created = await app.maintenance.runScheduler(today);
process.stdout.write(`created ${created}\n`);
await app.close();
