import { ApiError, type FieldError } from './api.ts';
import type { MessageKey, Translator } from './i18n.ts';

// What to tell the user about a failed request: the server's own explanation (problem+json
// detail) when there is one, otherwise a translated generic message.
export function errorText(error: unknown, t: Translator['t'], fallback: MessageKey = 'app.unexpectedError'): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t('app.networkError');
    if (error.detail) return error.detail;
  }
  return t(fallback);
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

// 409 is also a duplicate (a NIP that belongs to another customer, with a field error); only a
// bare 409 says the If-Match version is stale: someone else saved the record first.
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.fieldErrors.length === 0;
}

export type SaveProblem =
  | { kind: 'unauthorized' }
  | { kind: 'stale' }
  | { kind: 'invalid'; fieldErrors: Record<string, string>; message: string | null };

// What a failed save, delete or restore means for the screen that sent it. Field messages go next
// to the inputs the form has (`shownFields`: "email", or "customFields/contract_no"; a field shows
// the errors of its parts too, "phones" those of "phones/1/number"); the banner message covers the
// rest: the server's explanation when no input shows an error, a pointer to the marked ones otherwise.
export function saveProblemOf(error: unknown, t: Translator['t'], shownFields: readonly string[] = []): SaveProblem {
  if (isUnauthorized(error)) return { kind: 'unauthorized' };
  if (isStaleVersion(error)) return { kind: 'stale' };
  const paths = error instanceof ApiError ? error.fieldErrors.map((fieldError) => fieldPath(fieldError.field)) : [];
  const isShown = (path: string) => shownFields.some((shown) => path === shown || path.startsWith(`${shown}/`));
  let message: string | null = null;
  if (!paths.some(isShown)) message = errorText(error, t);
  else if (!paths.every(isShown)) message = t('common.fixErrors');
  return { kind: 'invalid', fieldErrors: fieldErrorsOf(error, t), message };
}

// "/body/phones/0/number", "body.phones.0.number" → "phones/0/number".
function fieldPath(field: string): string {
  return field
    .replace(/^\//, '')
    .replace(/^body([./]|$)/, '')
    .replace(/\./g, '/');
}

// Validation messages keyed by body property ("/body/email", "/email" and "body.email" all mean
// the input "email"). Rules the UI knows are translated; the server's text covers the rest, as the
// schema validator writes its messages in English. Nested paths keep their full key
// ("phones/0/number") and also count for their top-level property ("phones").
export function fieldErrorsOf(error: unknown, t: Translator['t']): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    const field = fieldPath(fieldError.field);
    const leaf = field.split('/').filter((part) => !/^\d+$/.test(part)).pop() ?? field;
    const message = fieldMessage(leaf, fieldError, t);
    byField[field] ??= message;
    const top = field.split('/')[0];
    if (top && top !== field) byField[top] ??= message;
  }
  return byField;
}

function fieldMessage(field: string, fieldError: FieldError, t: Translator['t']): string {
  switch (fieldError.rule) {
    case 'required':
      return t('validation.required');
    case 'checksum':
      if (field === 'nip') return t('validation.nipChecksum');
      if (field === 'regon') return t('validation.regonChecksum');
      return t('validation.checksum');
    case 'unique':
    case 'duplicate':
      return t('validation.unique');
    case 'phone':
      return t('validation.phone');
    case 'postalCode':
      return t('validation.postalCode');
    case 'pattern':
      return field === 'postalCode' ? t('validation.postalCode') : fieldError.message;
    case 'format':
      if (field === 'email' || field === 'address') return t('validation.email');
      if (field === 'number') return t('validation.phone');
      if (field === 'postalCode') return t('validation.postalCode');
      return t('validation.format');
    case 'type':
      return t('validation.format');
    case 'enum':
      return t('validation.choice');
    case 'minLength':
      return t('validation.tooShort');
    case 'maxLength':
      return t('validation.tooLong');
    default:
      return fieldError.message;
  }
}
