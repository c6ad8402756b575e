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

// Validation messages keyed by body property ("/body/email", "/email" and "body.email" all mean
// the input "email"). Rules the UI knows are translated; the server's text covers the rest, as the
// schema validator writes its messages in English. Nested paths keep their full key
// ("phones/0/number") and also count for their top-level property ("phones").
export function fieldErrorsOf(error: unknown, t: Translator['t']): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    const field = fieldError.field
      .replace(/^\//, '')
      .replace(/^body([./]|$)/, '')
      .replace(/\./g, '/');
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
    case 'minLength':
      return t('validation.tooShort');
    case 'maxLength':
      return t('validation.tooLong');
    default:
      return fieldError.message;
  }
}
