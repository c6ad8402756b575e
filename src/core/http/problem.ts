import type { FastifyError } from 'fastify';
import { AppError, assertUnreachable, type ErrorCode, type FieldProblem } from '../errors.ts';

// RFC 9457 problem details. `code` and `errors` are our extension members.
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  correlationId: string;
  errors?: FieldProblem[];
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(code);
  }
}

const titles: Record<ErrorCode, string> = {
  invalid_input: 'Invalid input',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

export function toProblem(error: AppError, instance: string, correlationId: string): Problem {
  const problem: Problem = {
    type: `urn:pasja:problem:${error.code}`,
    title: titles[error.code],
    status: statusOf(error.code),
    // 5xx details stay in the log: they may hold internals.
    detail: error.code === 'internal' ? `Something went wrong on our side; quote ${correlationId} when reporting it.` : error.message,
    instance,
    code: error.code,
    correlationId,
  };
  if (error.errors) problem.errors = error.errors;
  // Extension members (e.g. currentVersion on a conflict) help the client recover without a lookup.
  if (error.details && error.code !== 'internal') return { ...error.details, ...problem };
  return problem;
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

// Turns whatever reached the error handler into an AppError: our own pass through, Fastify's
// validation and parsing errors become 4xx naming the field, anything else is an internal error.
export function normaliseError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError> & { validation?: AjvIssue[]; validationContext?: string };
  if (Array.isArray(fastifyError.validation)) {
    const errors = fastifyError.validation.map((issue) => fieldProblem(fastifyError.validationContext ?? 'body', issue));
    const first = errors[0];
    const message = first ? `${first.field}: ${first.message}` : 'The request is invalid';
    return new AppError('invalid_input', message, { errors });
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = fastifyError.message ?? 'Bad request';
    switch (status) {
      case 413:
        return new AppError('payload_too_large', message);
      case 415:
        return new AppError('unsupported_media_type', message);
      case 404:
        return new AppError('not_found', message);
      case 429:
        return new AppError('rate_limited', message);
      default:
        return new AppError('invalid_input', message, { errors: [{ field: '/body', rule: ruleFromFastifyCode(fastifyError.code), message }] });
    }
  }
  return new AppError('internal', 'Unexpected error', { cause: error });
}

function fieldProblem(context: string, issue: AjvIssue): FieldProblem {
  let path = issue.instancePath;
  const missing = issue.params['missingProperty'];
  const extra = issue.params['additionalProperty'];
  if (issue.keyword === 'required' && typeof missing === 'string') path += `/${missing}`;
  if (issue.keyword === 'additionalProperties' && typeof extra === 'string') path += `/${extra}`;
  const message =
    issue.keyword === 'additionalProperties' ? 'is not an accepted field' : issue.keyword === 'required' ? 'is required' : (issue.message ?? 'is invalid');
  return { field: `/${context}${path}`, rule: issue.keyword, message };
}

function ruleFromFastifyCode(code: string | undefined): string {
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'required';
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === undefined) return 'json';
  return code.toLowerCase();
}
