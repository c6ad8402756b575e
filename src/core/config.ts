import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

// One place reads the environment. Each variable: name, type, default, description and whether
// it is a secret (masked by `pasja config`). docs/configuration.md is generated from this table.
interface VariableSpec {
  schema: TSchema;
  description: string;
  secret?: boolean;
}

const port = Type.Integer({ minimum: 1, maximum: 65535 });
const positiveInt = Type.Integer({ minimum: 1 });

export const configVariables = {
  PORT: { schema: port, description: 'TCP port the HTTP server listens on.' },
  HOST: { schema: Type.String({ minLength: 1 }), description: 'Interface the HTTP server binds to.' },
  DATA_DIR: {
    schema: Type.String({ minLength: 1 }),
    description: 'Folder of the embedded PGlite database and its lock file. Ignored when DATABASE_URL is set.',
  },
  DATABASE_URL: {
    schema: Type.String({ pattern: '^postgres(ql)?://' }),
    description: 'PostgreSQL 15+ connection URL. When set, Pasja uses it instead of the embedded database.',
    secret: true,
  },
  DB_POOL_MAX: { schema: positiveInt, description: 'Connections in the PostgreSQL pool (the embedded database always uses one).' },
  FILES_DIR: {
    schema: Type.String({ minLength: 1 }),
    description: 'Folder of uploaded files (job photos, signatures, equipment documents). Default: DATA_DIR/files. Back it up with the database.',
  },
  UPLOAD_LIMIT_BYTES: { schema: positiveInt, description: 'Largest accepted uploaded file (photo, document); larger ones get 413.' },
  REDIS_URL: {
    schema: Type.String({ pattern: '^rediss?://' }),
    description: 'Redis URL. When set: cache L2 and invalidation bus, BullMQ job queues and shared rate limits.',
    secret: true,
  },
  LOG_LEVEL: {
    schema: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
    description: 'Minimum level of log lines (pino levels).',
  },
  BODY_LIMIT_BYTES: { schema: positiveInt, description: 'Largest accepted request body; larger bodies get 413.' },
  SESSION_TTL_HOURS: { schema: positiveInt, description: 'How long a login session stays valid without use.' },
  COOKIE_SECURE: {
    schema: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')]),
    description: 'Mark the session cookie Secure: auto = when the request came over HTTPS (X-Forwarded-Proto honoured when TRUST_PROXY is true).',
  },
  TRUST_PROXY: { schema: Type.Boolean(), description: 'Trust X-Forwarded-* headers from a reverse proxy.' },
  LOGIN_RATE_LIMIT_POINTS: { schema: positiveInt, description: 'Failed-or-not login attempts allowed per e-mail and per client address in one window.' },
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: { schema: positiveInt, description: 'Length of the login rate-limit window.' },
  CACHE_L1_MAX_ITEMS: {
    schema: positiveInt,
    description:
      'Entries the in-process (L1) cache holds per process; the least recently used are evicted. About 1 KB each; records read through the cache (customers, credentials) are also kept parsed in a near tier of the same size, so count about 2 KB for those.',
  },
  OUTBOX_POLL_MS: { schema: positiveInt, description: 'How often the outbox dispatcher looks for undelivered domain events.' },
  SHUTDOWN_TIMEOUT_MS: { schema: positiveInt, description: 'Longest graceful shutdown before the process exits anyway.' },
  RUN_WORKERS: {
    schema: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')]),
    description: 'Run job workers and the outbox dispatcher inside `pasja serve`: auto = yes on the embedded database or without Redis, no when both DATABASE_URL and REDIS_URL are set (run `pasja worker` then).',
  },
  MAP_TILES_URL: {
    // Leaflet's XYZ template: {z}, {x} and {y} (or {-y} for TMS) are what a mistyped URL lacks.
    schema: Type.String({ pattern: '^https?://(?=.*\\{z\\})(?=.*\\{x\\})(?=.*\\{-?y\\})\\S+$' }),
    description:
      'Tile layer of the web map, a URL template with {z}, {x} and {y} (e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; mind the provider\'s usage policy). Unset: the map shows regions and sites without a base map.',
  },
  MAP_ATTRIBUTION: {
    schema: Type.String({ minLength: 1, maxLength: 500 }),
    description: 'Attribution the web map shows for its tile layer, as most providers require (e.g. `© OpenStreetMap contributors`).',
  },
  OPERATOR_TENANT_SLUGS: {
    schema: Type.String({ pattern: '^([a-z0-9-]+(,[a-z0-9-]+)*)?$' }),
    description:
      'Comma-separated tenant slugs whose admins operate this installation and may read process-wide data (GET /api/performance). Empty: allowed only while the installation has a single tenant.',
  },
  OSRM_URL: {
    schema: Type.String({ pattern: '^https?://\\S+$' }),
    description:
      'OSRM server for road travel times in dispatch (e.g. `http://127.0.0.1:5000`, car profile). Unset: straight-line distance with a road-detour factor and a Warsaw speed profile. Calls go through a circuit breaker; while OSRM is down, the straight-line estimate is used.',
  },
  GPS_RETENTION_DAYS: {
    schema: positiveInt,
    description: "Days technicians' GPS trails are kept; older positions are removed by a check every 6 hours (the last known position of each technician stays).",
  },
  DISPATCH_SOLVE_SECONDS: {
    schema: Type.Integer({ minimum: 1, maximum: 120 }),
    description: 'Time budget of one route optimisation (a day plan proposal); it runs in a worker thread.',
  },
  DEMO_SEED: {
    schema: Type.Boolean(),
    description: 'On the first start of an empty database, create the demo tenant (slug `demo`) and print its owner login.',
  },
} satisfies Record<string, VariableSpec>;

export type ConfigVariableName = keyof typeof configVariables;

const defaults: { [K in ConfigVariableName]?: string } = {
  PORT: '3000',
  HOST: '0.0.0.0',
  DATA_DIR: './data',
  DB_POOL_MAX: '10',
  LOG_LEVEL: 'info',
  BODY_LIMIT_BYTES: '1048576',
  UPLOAD_LIMIT_BYTES: '10485760',
  SESSION_TTL_HOURS: '336',
  COOKIE_SECURE: 'auto',
  TRUST_PROXY: 'false',
  LOGIN_RATE_LIMIT_POINTS: '10',
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: '900',
  CACHE_L1_MAX_ITEMS: '50000',
  OUTBOX_POLL_MS: '1000',
  SHUTDOWN_TIMEOUT_MS: '10000',
  RUN_WORKERS: 'auto',
  OPERATOR_TENANT_SLUGS: '',
  GPS_RETENTION_DAYS: '30',
  DISPATCH_SOLVE_SECONDS: '5',
  DEMO_SEED: 'true',
};

export function defaultOf(name: ConfigVariableName): string | undefined {
  return defaults[name];
}

const configSchema = Type.Object({
  PORT: port,
  HOST: configVariables.HOST.schema,
  DATA_DIR: configVariables.DATA_DIR.schema,
  DATABASE_URL: Type.Optional(configVariables.DATABASE_URL.schema),
  DB_POOL_MAX: positiveInt,
  FILES_DIR: Type.Optional(configVariables.FILES_DIR.schema),
  UPLOAD_LIMIT_BYTES: positiveInt,
  REDIS_URL: Type.Optional(configVariables.REDIS_URL.schema),
  LOG_LEVEL: configVariables.LOG_LEVEL.schema,
  BODY_LIMIT_BYTES: positiveInt,
  SESSION_TTL_HOURS: positiveInt,
  COOKIE_SECURE: configVariables.COOKIE_SECURE.schema,
  TRUST_PROXY: Type.Boolean(),
  LOGIN_RATE_LIMIT_POINTS: positiveInt,
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: positiveInt,
  CACHE_L1_MAX_ITEMS: positiveInt,
  OUTBOX_POLL_MS: positiveInt,
  SHUTDOWN_TIMEOUT_MS: positiveInt,
  RUN_WORKERS: configVariables.RUN_WORKERS.schema,
  MAP_TILES_URL: Type.Optional(configVariables.MAP_TILES_URL.schema),
  MAP_ATTRIBUTION: Type.Optional(configVariables.MAP_ATTRIBUTION.schema),
  OPERATOR_TENANT_SLUGS: configVariables.OPERATOR_TENANT_SLUGS.schema,
  OSRM_URL: Type.Optional(configVariables.OSRM_URL.schema),
  GPS_RETENTION_DAYS: positiveInt,
  DISPATCH_SOLVE_SECONDS: configVariables.DISPATCH_SOLVE_SECONDS.schema,
  DEMO_SEED: Type.Boolean(),
});

export type Config = Static<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Parses every variable and reports all invalid ones at once, so an operator fixes them in one go.
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(configVariables) as ConfigVariableName[]) {
    const value = env[name] === '' ? undefined : (env[name] ?? defaults[name]);
    if (value !== undefined) raw[name] = value;
  }
  const converted = Value.Convert(configSchema, raw);
  const problems = [...Value.Errors(configSchema, converted)].map((error) => {
    const name = error.path.replace(/^\//, '');
    const given = env[name];
    return `${name}: ${error.message}${given === undefined ? '' : ` (got "${given}")`} — ${describeVariable(name)}`;
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return converted as Config;
}

function describeVariable(name: string): string {
  return name in configVariables ? configVariables[name as ConfigVariableName].description : 'unknown variable';
}

// For `pasja config`: the effective values with secrets masked (a URL keeps its host, loses its password).
export function describeConfig(config: Config): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const name of Object.keys(configVariables) as ConfigVariableName[]) {
    const value = config[name];
    if (value === undefined) continue;
    const spec: VariableSpec = configVariables[name];
    shown[name] = spec.secret ? maskSecret(String(value)) : String(value);
  }
  return shown;
}

export function maskSecret(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '****';
    return url.toString();
  } catch {
    return '****';
  }
}
