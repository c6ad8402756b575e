import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { createCache, type Cache } from './core/cache/cache.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import { openDatabase, type Database } from './core/db/database.ts';
import { LocalDiskStorage } from './core/storage/file-storage.ts';
import { AttachmentsRepo } from './modules/attachments/attachments.repo.ts';
import { registerAttachmentRoutes } from './modules/attachments/attachments.routes.ts';
import { AttachmentsService } from './modules/attachments/attachments.service.ts';
import { JobSettingsRepo } from './modules/jobs/job-settings.repo.ts';
import { KpisRepo } from './modules/kpis/kpis.repo.ts';
import { registerKpiRoutes } from './modules/kpis/kpis.routes.ts';
import { KpisService } from './modules/kpis/kpis.service.ts';
import { JobWorkRepo } from './modules/jobs/job-work.repo.ts';
import { migrateToLatest } from './core/db/migrator.ts';
import { EmbeddedMaintenance } from './core/db/embedded-maintenance.ts';
import { OutboxDispatcher } from './core/events/outbox.ts';
import { createHttpServer, type HttpServer } from './core/http/http-server.ts';
import { createLogger, type Logger } from './core/log/logger.ts';
import { createMetrics, type Metrics } from './core/metrics.ts';
import { createQueue, type JobQueue } from './core/queue/queue.ts';
import { createRateLimiter } from './core/rate-limit/rate-limiter.ts';
import { createRedisConnection, pingRedis } from './core/redis.ts';
import { registerWebApp } from './core/http/web-app.ts';
import { IdentityRepo } from './modules/identity/identity.repo.ts';
import { registerIdentityRoutes } from './modules/identity/identity.routes.ts';
import { IdentityService } from './modules/identity/identity.service.ts';
import { HealthService } from './modules/ops/health.service.ts';
import { registerOpsRoutes } from './modules/ops/ops.routes.ts';
import { PerformanceRecorder } from './modules/ops/performance.ts';
import { registerPerformanceRoutes } from './modules/ops/performance.routes.ts';
import { registerRequestPerformance } from './core/http/request-performance.ts';
import { createReadThrough, type ReadThrough } from './core/cache/read-through.ts';
import { CustomFieldsRepo } from './modules/crm/custom-fields.repo.ts';
import { CustomFieldsService } from './modules/crm/custom-fields.service.ts';
import { CustomersRepo } from './modules/crm/customers.repo.ts';
import { registerCustomerRoutes } from './modules/crm/customers.routes.ts';
import { CustomersService } from './modules/crm/customers.service.ts';
import { ContactsRepo } from './modules/crm/contacts.repo.ts';
import { registerContactRoutes } from './modules/crm/contacts.routes.ts';
import { ContactsService } from './modules/crm/contacts.service.ts';
import { InteractionsRepo } from './modules/crm/interactions.repo.ts';
import { registerInteractionRoutes } from './modules/crm/interactions.routes.ts';
import { InteractionsService } from './modules/crm/interactions.service.ts';
import { NotesRepo } from './modules/crm/notes.repo.ts';
import { registerNoteRoutes } from './modules/crm/notes.routes.ts';
import { NotesService } from './modules/crm/notes.service.ts';
import { ReminderJobs } from './modules/crm/reminders.jobs.ts';
import { RemindersRepo } from './modules/crm/reminders.repo.ts';
import { registerReminderRoutes } from './modules/crm/reminders.routes.ts';
import { RemindersService } from './modules/crm/reminders.service.ts';
import { TimelineRepo } from './modules/crm/timeline.repo.ts';
import { registerTimelineRoutes } from './modules/crm/timeline.routes.ts';
import { TimelineService } from './modules/crm/timeline.service.ts';
import { SearchRepo } from './modules/crm/search.repo.ts';
import { registerSearchRoutes } from './modules/crm/search.routes.ts';
import { SearchService } from './modules/crm/search.service.ts';
import { SitesRepo } from './modules/crm/sites.repo.ts';
import { registerSiteRoutes } from './modules/crm/sites.routes.ts';
import { SitesService } from './modules/crm/sites.service.ts';
import { EquipmentRepo } from './modules/equipment/equipment.repo.ts';
import { registerEquipmentRoutes } from './modules/equipment/equipment.routes.ts';
import { EquipmentService } from './modules/equipment/equipment.service.ts';
import { JobsRepo } from './modules/jobs/jobs.repo.ts';
import { registerJobRoutes } from './modules/jobs/jobs.routes.ts';
import { JobsService } from './modules/jobs/jobs.service.ts';
import type { WorkPlaces } from './modules/jobs/work-place.ts';
import { MaintenanceRepo } from './modules/maintenance/maintenance.repo.ts';
import { registerMaintenanceRoutes } from './modules/maintenance/maintenance.routes.ts';
import { MaintenanceService } from './modules/maintenance/maintenance.service.ts';
import { RegionsRepo } from './modules/regions/regions.repo.ts';
import { registerRegionRoutes } from './modules/regions/regions.routes.ts';
import { RegionsService } from './modules/regions/regions.service.ts';
import { TechniciansRepo } from './modules/dispatch/technicians.repo.ts';
import { registerTechnicianRoutes } from './modules/dispatch/technicians.routes.ts';
import { TechniciansService } from './modules/dispatch/technicians.service.ts';
import { CalendarFeedsRepo } from './modules/dispatch/calendar-feeds.repo.ts';
import { registerCalendarFeedRoutes } from './modules/dispatch/calendar-feeds.routes.ts';
import { CalendarFeedsService } from './modules/dispatch/calendar-feeds.service.ts';
import { PositionsRepo } from './modules/dispatch/positions.repo.ts';
import { registerPositionRoutes } from './modules/dispatch/positions.routes.ts';
import { PositionsService } from './modules/dispatch/positions.service.ts';
import { DispatchRepo } from './modules/dispatch/dispatch.repo.ts';
import { registerExportRoutes } from './modules/imports/exports.routes.ts';
import { ExportsService } from './modules/imports/exports.service.ts';
import { registerDispatchRoutes } from './modules/dispatch/dispatch.routes.ts';
import { DispatchService } from './modules/dispatch/dispatch.service.ts';
import { osrmTravelTimes } from './modules/dispatch/osrm-travel-times.ts';
import { solveInWorker } from './modules/dispatch/solver-thread.ts';
import { straightLineTravelTimes, type TravelTimeSource } from './modules/dispatch/travel-times.ts';

export const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const webDistDir = fileURLToPath(new URL('../web/dist/', import.meta.url));

export interface AppOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  // Tests pass an already open (template-cloned) database; otherwise the config decides.
  database?: Database;
  // Serve the built browser app (default: when web/dist exists).
  serveWeb?: boolean;
}

export interface App {
  config: Config;
  // The business clock every service uses (tests and the demo seed pass their own).
  clock: Clock;
  http: HttpServer;
  db: Database;
  cache: Cache;
  reads: ReadThrough;
  queue: JobQueue;
  outbox: OutboxDispatcher;
  metrics: Metrics;
  logger: Logger;
  identity: IdentityService;
  customers: CustomersService;
  contacts: ContactsService;
  regions: RegionsService;
  sites: SitesService;
  equipment: EquipmentService;
  jobs: JobsService;
  maintenance: MaintenanceService;
  technicians: TechniciansService;
  dispatch: DispatchService;
  positions: PositionsService;
  exports: ExportsService;
  // Start the background side: outbox dispatcher and job workers (embedded mode runs them in the server).
  startWorkers(): void;
  close(): Promise<void>;
}

export function databaseTargetOf(config: Config): Parameters<typeof openDatabase>[0] {
  return config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL, poolMax: config.DB_POOL_MAX } : { kind: 'embedded', dataDir: config.DATA_DIR };
}

// The composition root: every service is built here with plain constructors, nothing else wires.
export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const metrics = createMetrics();
  const db = options.database ?? (await openDatabase(databaseTargetOf(config), logger));
  const closers: Array<() => Promise<unknown>> = [];
  try {
    if (!options.database) await migrateToLatest(db.kysely);
    const redis: Redis | undefined = config.REDIS_URL ? createRedisConnection(config.REDIS_URL, 'app') : undefined;
    if (redis) closers.push(() => redis.quit());
    const cache = createCache({ redisUrl: config.REDIS_URL, namespace: 'pasja', defaultTtlMs: 60_000, l1MaxItems: config.CACHE_L1_MAX_ITEMS, logger });
    closers.push(() => cache.close());
    const queue = createQueue({ redisUrl: config.REDIS_URL, prefix: 'pasja', logger });
    closers.push(() => queue.close());
    const outbox = new OutboxDispatcher({ db, clock, logger, metrics, pollMs: config.OUTBOX_POLL_MS });
    closers.push(() => outbox.stop());

    const loginLimiter = createRateLimiter({
      keyPrefix: 'login',
      points: config.LOGIN_RATE_LIMIT_POINTS,
      durationSeconds: config.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
      redis,
    });
    const reads = createReadThrough(cache, { nearMaxItems: config.CACHE_L1_MAX_ITEMS });
    const identity = new IdentityService({ db, reads, repo: new IdentityRepo(), clock, loginLimiter, sessionTtlHours: config.SESSION_TTL_HOURS });

    const http = await createHttpServer({
      logger,
      metrics,
      authenticator: identity,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      trustProxy: config.TRUST_PROXY,
      version,
    });
    // Wall time of this process on a clock that never jumps; the business clock is for rules.
    const requestPerformance = new PerformanceRecorder({ now: () => performance.now() });
    registerRequestPerformance(http, metrics, requestPerformance);
    registerIdentityRoutes(http, identity, { cookieSecure: config.COOKIE_SECURE });

    const customFields = new CustomFieldsService({ db, repo: new CustomFieldsRepo() });
    const customers = new CustomersService({ db, repo: new CustomersRepo(), clock, reads, members: identity, customFields });
    registerCustomerRoutes(http, customers, customFields);
    const contacts = new ContactsService({ db, repo: new ContactsRepo(), clock, customers });
    registerContactRoutes(http, contacts);
    registerNoteRoutes(http, new NotesService({ db, repo: new NotesRepo(), clock, customers }));
    registerInteractionRoutes(http, new InteractionsService({ db, repo: new InteractionsRepo(), clock, customers, contacts }));
    const remindersRepo = new RemindersRepo();
    registerReminderRoutes(http, new RemindersService({ db, repo: remindersRepo, clock, customers, members: identity }));
    registerTimelineRoutes(http, new TimelineService({ db, repo: new TimelineRepo(), customers }));
    const reminderJobs = new ReminderJobs({ db, repo: remindersRepo, clock, logger });
    closers.push(() => reminderJobs.stop());
    registerSearchRoutes(http, new SearchService({ db, repo: new SearchRepo() }));
    const regions = new RegionsService({ db, repo: new RegionsRepo(), clock, cache });
    registerRegionRoutes(http, regions, { mapTilesUrl: config.MAP_TILES_URL ?? null, mapAttribution: config.MAP_ATTRIBUTION ?? null });
    const sites = new SitesService({ db, repo: new SitesRepo(), clock, customers, regions });
    registerSiteRoutes(http, sites);
    const exports = new ExportsService({ db, clock });
    registerExportRoutes(http, exports);
    const equipment = new EquipmentService({ db, repo: new EquipmentRepo(), clock, sites, customers });
    registerEquipmentRoutes(http, equipment);
    const workPlaces: WorkPlaces = { site: (principal, id) => sites.get(principal, id), equipment: (principal, id) => equipment.get(principal, id) };
    const attachments = new AttachmentsService({ db, repo: new AttachmentsRepo(), storage: new LocalDiskStorage(config.FILES_DIR ?? join(config.DATA_DIR, 'files')), clock });
    registerAttachmentRoutes(http, attachments, { uploadLimitBytes: config.UPLOAD_LIMIT_BYTES });
    const jobs = new JobsService({ db, repo: new JobsRepo(), work: new JobWorkRepo(), settings: new JobSettingsRepo(), files: attachments, clock, logger, places: workPlaces });
    registerJobRoutes(http, jobs);
    closers.push(() => jobs.stop());
    const maintenancePlans = new MaintenanceService({
      db,
      repo: new MaintenanceRepo(),
      clock,
      logger,
      jobs,
      places: workPlaces,
    });
    registerMaintenanceRoutes(http, maintenancePlans);
    const kpis = new KpisService({ db, repo: new KpisRepo(), clock, fgas: equipment });
    registerKpiRoutes(http, kpis);
    kpis.registerMetrics(metrics);
    closers.push(() => maintenancePlans.stop());
    const technicians = new TechniciansService({ db, repo: new TechniciansRepo(), clock, members: identity, logger });
    registerTechnicianRoutes(http, technicians);
    closers.push(() => technicians.stop());
    const travel = travelTimeSourceOf(config, logger);
    const dispatch = new DispatchService({ db, repo: new DispatchRepo(), clock, jobs, technicians, travel, solve: solveInWorker, solveSeconds: config.DISPATCH_SOLVE_SECONDS, logger });
    registerDispatchRoutes(http, dispatch);
    const positions = new PositionsService({
      db,
      repo: new PositionsRepo(),
      technicians,
      clock,
      logger,
      retentionDays: config.GPS_RETENTION_DAYS,
      onPositions: (tx, _tenantId, technicianId, latest) => dispatch.refreshEtas(tx, technicianId, latest),
    });
    registerPositionRoutes(http, positions);
    closers.push(() => positions.stop());
    const calendarFeeds = new CalendarFeedsService({ db, repo: new CalendarFeedsRepo(), technicians, clock, visits: (tx, technicianId, from, to) => dispatch.calendarVisits(tx, technicianId, from, to) });
    registerCalendarFeedRoutes(http, calendarFeeds);

    const probes: Record<string, () => Promise<void>> = { database: () => db.ping() };
    if (redis) {
      probes.redis = async () => {
        if (!(await pingRedis(redis))) throw new Error('Redis does not answer PING');
      };
    }
    probes.queue = async () => {
      await queue.counts();
    };
    registerOpsRoutes(http, new HealthService(probes, version));
    const operatorSlugs = config.OPERATOR_TENANT_SLUGS.split(',').filter(Boolean);
    registerPerformanceRoutes(http, requestPerformance, clock, { mayReadProcessWideData: (tenantId) => identity.isOperatorTenant(tenantId, operatorSlugs) });
    registerInfrastructureGauges(metrics, db, queue);

    if (options.serveWeb ?? existsSync(webDistDir)) await registerWebApp(http, webDistDir);

    const embeddedMaintenance = new EmbeddedMaintenance(db, logger);
    closers.push(() => embeddedMaintenance.stop());

    let closed = false;
    return {
      config,
      clock,
      http,
      db,
      cache,
      reads,
      queue,
      outbox,
      metrics,
      logger,
      identity,
      customers,
      contacts,
      regions,
      sites,
      equipment,
      jobs,
      maintenance: maintenancePlans,
      technicians,
      dispatch,
      positions,
      exports,
      startWorkers: () => {
        outbox.start();
        reminderJobs.start();
        maintenancePlans.start();
        jobs.start();
        technicians.start();
        positions.start();
        embeddedMaintenance.start();
      },
      async close() {
        if (closed) return;
        closed = true;
        await http.close();
        for (const close of closers.reverse()) await close().catch((error: unknown) => logger.warn({ err: error }, 'error while closing'));
        if (!options.database) await db.close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    if (!options.database) await db.close();
    throw error;
  }
}

// Road times from OSRM when configured, with the straight-line estimate while it is unreachable.
function travelTimeSourceOf(config: Config, logger: Logger): TravelTimeSource {
  const straightLine = straightLineTravelTimes();
  if (!config.OSRM_URL) return straightLine;
  return osrmTravelTimes({ baseUrl: config.OSRM_URL, fallback: straightLine, onFallback: (reason) => logger.warn({ reason }, 'OSRM unavailable: straight-line travel times used') });
}

function registerInfrastructureGauges(metrics: Metrics, db: Database, queue: JobQueue): void {
  metrics.gaugeFromCallback('pasja_db_pool_connections', 'Database pool connections by state', ['state'], async () => {
    const stats = db.poolStats();
    return [
      { labels: { state: 'total' }, value: stats.total },
      { labels: { state: 'idle' }, value: stats.idle },
      { labels: { state: 'waiting' }, value: stats.waiting },
    ];
  });
  metrics.gaugeFromCallback('pasja_queue_jobs', 'Jobs per queue and state', ['queue', 'state'], async () => {
    const counts = await queue.counts();
    return Object.entries(counts).flatMap(([name, byState]) =>
      Object.entries(byState).map(([state, value]) => ({ labels: { queue: name, state }, value })),
    );
  });
}
