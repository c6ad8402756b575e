import type { VersionedUpdate } from '../db/versioned-update.ts';
import { AppError, notFound } from '../errors.ts';

// Optimistic locking over HTTP: GET gives ETag "<version>", a change sends it back in If-Match
// (or as `version` in the body); a stale version gets 409 with the current one.
export function etagOf(version: number): string {
  return `"${version}"`;
}

export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  if (ifMatch !== undefined) {
    const match = ifMatch.trim().match(/^(?:W\/)?"(\d+)"$/);
    if (!match) throw new AppError('invalid_input', 'If-Match must be the ETag you got, e.g. "3"', { errors: [{ field: '/headers/if-match', rule: 'format', message: 'must be an ETag like "3"' }] });
    return Number(match[1]);
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new AppError('invalid_input', 'Send the version you edited (If-Match header or version field) so a concurrent change is not overwritten', {
    errors: [{ field: '/headers/if-match', rule: 'required', message: 'is required (or body.version)' }],
  });
}

export function staleVersion(what: string, currentVersion: number): AppError {
  return new AppError('conflict', `${what} was changed by someone else (now version ${currentVersion}); reload and apply your change again`, {
    details: { currentVersion },
  });
}

// The record a versioned update saved, or the error its caller answers with (404 or 409).
export function updatedOrThrow<T>(outcome: VersionedUpdate<T>, what: string): T {
  if (outcome.kind === 'missing') throw notFound(what);
  if (outcome.kind === 'stale') throw staleVersion(`This ${what.toLowerCase()}`, outcome.currentVersion);
  return outcome.record;
}
