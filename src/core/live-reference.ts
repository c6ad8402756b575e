import { AppError } from './errors.ts';

// A record named in a request body (a site for a job, a unit for a plan) must exist in the
// caller's tenant and not be deleted; otherwise the request is invalid (400 naming the field),
// not "not found": the URL was right, a field of the body was not.
export async function liveReference<T extends { deletedAt: string | null }>(field: string, find: () => Promise<T>): Promise<T> {
  try {
    const found = await find();
    if (!found.deletedAt) return found;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
  }
  throw invalidReference(field);
}

export function invalidReference(field: string, message = 'no live record with this id', rule = 'exists'): AppError {
  return new AppError('invalid_input', `${field}: ${message}`, { errors: [{ field, rule, message }] });
}
