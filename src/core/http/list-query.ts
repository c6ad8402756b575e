import { Type } from '@sinclair/typebox';
import { AppError, invalidInput } from '../errors.ts';

// Query parameters shared by every list route.
export const ListQueryProperties = {
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size' }),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
  fields: Type.Optional(Type.String({ maxLength: 500, pattern: '^[A-Za-z]+(,[A-Za-z]+)*$', description: 'Comma-separated fields to return' })),
  withTotal: Type.Boolean({ default: false, description: 'Also count all matching records (costs a query)' }),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

// Keyset pagination: the cursor holds the sort key and id of the last item, so pages stay stable
// when rows are inserted before them (an offset would shift). Opaque to clients.
export function encodeCursor(values: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): Array<string | number | null> {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
      return values as Array<string | number | null>;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidInput('/querystring/cursor', 'cursor', 'is not a cursor this list gave out (or belongs to another sort order)');
}

export function parseFields<K extends string>(fields: string | undefined, allowed: readonly K[]): K[] | null {
  if (!fields) return null;
  const requested = fields.split(',');
  const unknown = requested.filter((field) => !allowed.includes(field as K));
  if (unknown.length > 0) {
    throw new AppError('invalid_input', `Unknown fields: ${unknown.join(', ')}`, {
      errors: [{ field: '/querystring/fields', rule: 'enum', message: `allowed fields: ${allowed.join(', ')}` }],
    });
  }
  // id is always returned: a client cannot do anything with a record it cannot address.
  return [...new Set(['id' as K, ...(requested as K[])])];
}

export function pickFields<T extends object>(item: T, fields: ReadonlyArray<keyof T> | null): Partial<T> {
  if (!fields) return item;
  const picked: Partial<T> = {};
  for (const field of fields) picked[field] = item[field];
  return picked;
}
