import { buildApp, type App } from '../app.ts';
import { ConfigError, type Config } from '../core/config.ts';
import { seedDemo } from '../demo/demo-seed.ts';

export async function serve(config: Config): Promise<void> {
  const app = await buildApp({ config });
  stopOnSignals(app, config);
  if (config.DEMO_SEED && !(await app.identity.hasAnyTenant())) {
    const demo = await seedDemo(app);
    printDemoLogin(demo.ownerEmail, demo.password, config.PORT);
  }
  if (runsWorkersInServer(config)) app.startWorkers();
  await app.http.listen({ port: config.PORT, host: config.HOST });
  app.logger.info({ port: config.PORT, database: app.db.kind, redis: Boolean(config.REDIS_URL) }, `Pasja is listening on http://localhost:${config.PORT}`);
}

export async function runWorker(config: Config): Promise<void> {
  if (!config.DATABASE_URL) {
    throw new ConfigError(['DATABASE_URL: `pasja worker` shares work with servers through PostgreSQL and needs it; on the embedded database `pasja serve` runs the workers itself']);
  }
  const app = await buildApp({ config, serveWeb: false });
  stopOnSignals(app, config);
  app.startWorkers();
  app.logger.info('Pasja worker started');
}

// Embedded: the server is the only process that may open the data dir, so it must do the
// background work too. Scale-out (PostgreSQL + Redis): dedicated `pasja worker` processes do it.
export function runsWorkersInServer(config: Config): boolean {
  if (config.RUN_WORKERS !== 'auto') return config.RUN_WORKERS === 'true';
  return !(config.DATABASE_URL && config.REDIS_URL);
}

function stopOnSignals(app: App, config: Config): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down: finishing requests and jobs');
    const deadline = setTimeout(() => {
      app.logger.error(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function printDemoLogin(email: string, password: string, port: number): void {
  const lines = [
    'Demo company created (tenant "demo"). Log in as its owner:',
    `  URL:      http://localhost:${port}`,
    `  E-mail:   ${email}`,
    `  Password: ${password}`,
    'Every demo user (one per role, see `pasja seed-demo --help`) has this password. It is shown only now.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const border = '─'.repeat(width + 2);
  process.stdout.write(`\n┌${border}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join('\n')}\n└${border}┘\n\n`);
}
