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
// schema validator writes its messages in English.
export function fieldErrorsOf(error: unknown, t: Translator['t']): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    const field = fieldError.field.replace(/^\//, '').replace(/^body[./]/, '');
    byField[field] ??= fieldMessage(field, fieldError, t);
  }
  return byField;
}

function fieldMessage(field: string, fieldError: FieldError, t: Translator['t']): string {
  switch (fieldError.rule) {
    case 'required':
      return t('validation.required');
    case 'format':
      return field === 'email' ? t('validation.email') : t('validation.format');
    case 'minLength':
      return t('validation.tooShort');
    case 'maxLength':
      return t('validation.tooLong');
    default:
      return fieldError.message;
  }
}
