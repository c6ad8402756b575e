// One error type for the whole product. The code set is closed: the HTTP layer maps each code to a
// status in one place (http/problem.ts), so services never think in status codes.
export const errorCodes = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

// The HVAC error taxonomy groups failures by who must act: the user (input), the office
// (business rule, permissions), or the operator (infrastructure). Later modules add their own.
export type ErrorCategory = 'input' | 'auth' | 'business' | 'integration' | 'infrastructure';

export interface FieldProblem {
  field: string; // JSON pointer-ish path of the offending field, e.g. "/body/email"
  rule: string; // the rule broken, e.g. "format", "minLength", "required"
  message: string;
}

export interface AppErrorOptions {
  category?: ErrorCategory;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly category: ErrorCategory;
  readonly errors: FieldProblem[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.category = options.category ?? defaultCategory(code);
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }
}

export function invalidInput(field: string, rule: string, message: string): AppError {
  return new AppError('invalid_input', message, { errors: [{ field, rule, message }] });
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

function defaultCategory(code: ErrorCode): ErrorCategory {
  switch (code) {
    case 'invalid_input':
    case 'payload_too_large':
    case 'unsupported_media_type':
      return 'input';
    case 'unauthenticated':
    case 'forbidden':
    case 'rate_limited':
      return 'auth';
    case 'not_found':
    case 'conflict':
      return 'business';
    case 'unavailable':
    case 'internal':
      return 'infrastructure';
    default:
      return assertUnreachable(code);
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable value: ${String(value)}`);
}
