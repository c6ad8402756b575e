import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { saveProblemOf } from './error-text.ts';
import { createTranslator } from './i18n.ts';

const { t } = createTranslator('pl');

function problem(status: number, errors: Array<{ field: string; rule: string; message: string }> = [], detail = 'Serwer mówi nie') {
  return new ApiError(status, { status, detail, errors }, `HTTP ${status}`);
}

describe('saveProblemOf', () => {
  it('calls a bare 409 a stale version and a 409 with field errors a duplicate', () => {
    expect(saveProblemOf(problem(409), t)).toEqual({ kind: 'stale' });
    const duplicate = saveProblemOf(problem(409, [{ field: '/body/nip', rule: 'unique', message: 'taken' }]), t, ['nip']);
    expect(duplicate).toEqual({ kind: 'invalid', fieldErrors: { nip: t('validation.unique') }, message: null });
  });

  it('shows errors of nested paths at the field that holds them', () => {
    const sut = saveProblemOf(problem(400, [{ field: '/body/phones/1/number', rule: 'phone', message: 'bad' }]), t, ['phones']);
    expect(sut).toMatchObject({ kind: 'invalid', message: null, fieldErrors: { 'phones/1/number': t('validation.phone') } });
  });

  it("gives the server's explanation when no input can show the error, and points at the inputs otherwise", () => {
    const hidden = problem(400, [{ field: '/body/customFields/old_key', rule: 'unknown', message: 'is not a custom field' }]);
    expect(saveProblemOf(hidden, t, ['customFields/contract_no'])).toMatchObject({ message: 'Serwer mówi nie' });
    const mixed = problem(400, [
      { field: '/body/customFields/contract_no', rule: 'required', message: 'is required' },
      { field: '/body/ownerUserId', rule: 'member', message: 'not a member' },
    ]);
    expect(saveProblemOf(mixed, t, ['customFields/contract_no'])).toMatchObject({ message: t('common.fixErrors') });
  });

  it('sends the user to log in again on 401', () => {
    expect(saveProblemOf(problem(401), t)).toEqual({ kind: 'unauthorized' });
  });
});
