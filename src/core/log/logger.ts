import { pino, type Logger, type DestinationStream } from 'pino';
import { currentContext } from './context.ts';

export type { Logger };

export interface LoggerOptions {
  level: string;
  // Tests pass a stream to read the lines back; production writes JSON to stdout.
  destination?: DestinationStream;
}

// Every line carries the correlation id (and tenant) of the work it belongs to, taken from the
// async context, so a request can be followed through jobs and events by one id.
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'pasja' },
      mixin(_merge, _level, logger) {
        const context = currentContext();
        if (!context) return {};
        // Fastify's request logger already carries the correlation id as a binding.
        if (logger.bindings().correlationId !== undefined) return { tenantId: context.tenantId };
        return { correlationId: context.correlationId, tenantId: context.tenantId };
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token'],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
