import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from './crm-api.ts';
import { customFieldChanges, customFieldDraft, customFieldValue, filledCustomFields } from './custom-fields.ts';

function definition(key: string, type: CustomFieldDefinition['type'], options: string[] = []): CustomFieldDefinition {
  return { id: `id-${key}`, entity: 'customer', key, label: key, type, options, required: false, version: 1 };
}

const contract = definition('contract_no', 'text');
const units = definition('units', 'number');
const since = definition('since', 'date');
const vip = definition('vip', 'boolean');
const segment = definition('segment', 'select', ['biuro', 'dom']);
const all = [contract, units, since, vip, segment];

describe('custom fields', () => {
  it('reads numbers typed the Polish way and refuses words', () => {
    expect(customFieldValue(units, '1 234,5')).toBe(1234.5);
    expect(customFieldValue(units, ' 12 ')).toBe(12);
    expect(customFieldValue(units, '')).toBeNull();
    expect(customFieldValue(units, 'dwanaście')).toBeUndefined();
  });

  it('keeps a checkbox a boolean and turns blank text into null', () => {
    expect(customFieldValue(vip, false)).toBe(false);
    expect(customFieldDraft(vip, undefined)).toBe(false);
    expect(customFieldValue(contract, '  ')).toBeNull();
    expect(customFieldDraft(units, 7)).toBe('7');
  });

  it('sends the answered fields of a new customer: an unticked checkbox only when required', () => {
    const sut = customFieldChanges(all, { contract_no: 'U/2025/7', segment: 'biuro' }, null);
    expect(sut).toEqual({ changes: { contract_no: 'U/2025/7', segment: 'biuro' }, invalid: [] });
    const consent = { ...definition('gdpr_ok', 'boolean'), required: true };
    expect(customFieldChanges([vip, consent], { vip: true }, null).changes).toEqual({ vip: true, gdpr_ok: false });
  });

  it('sends only the changed fields of an edited customer, null for a cleared one', () => {
    const stored = { contract_no: 'U/1', units: 4, since: '2024-03-01', vip: true };
    const drafts = { contract_no: 'U/1', units: '4,0', since: '', vip: false, segment: '' };
    expect(customFieldChanges(all, drafts, stored)).toEqual({ changes: { since: null, vip: false }, invalid: [] });
  });

  it('names the inputs that hold no valid value', () => {
    expect(customFieldChanges(all, { units: 'dużo' }, {}).invalid).toEqual(['units']);
  });

  it('lists the filled values in the order of the definitions', () => {
    const sut = filledCustomFields(all, { vip: false, contract_no: '', segment: 'dom', unknown_key: 'x', units: 0 });
    expect(sut.map(({ definition: field, value }) => [field.key, value])).toEqual([
      ['units', 0],
      ['vip', false],
      ['segment', 'dom'],
    ]);
  });
});
