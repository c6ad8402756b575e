import type { CustomFieldDefinition, CustomFieldValue } from './crm-api.ts';

// The tenant's custom customer fields between their stored values and the form's inputs.

// What an input holds: text for text, number, date and select fields; a checkbox's state for boolean ones.
export type CustomFieldDraft = string | boolean;

export function customFieldDraft(definition: CustomFieldDefinition, value: unknown): CustomFieldDraft {
  if (definition.type === 'boolean') return value === true;
  if (value === null || value === undefined) return '';
  return String(value);
}

// The value to store: null for an empty input, undefined when the input cannot be one (a number
// field holding words). Numbers may be typed the Polish way, "1 234,5".
export function customFieldValue(definition: CustomFieldDefinition, draft: CustomFieldDraft): CustomFieldValue | undefined {
  if (definition.type === 'boolean') return draft === true;
  const text = typeof draft === 'string' ? draft.trim() : '';
  if (text === '') return null;
  if (definition.type !== 'number') return text;
  const number = Number(text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(number) ? number : undefined;
}

// What a save sends in customFields. Creating (stored is null) sends the answered fields; editing
// sends only the fields whose value changed, so untouched values are not validated again.
export function customFieldChanges(
  definitions: readonly CustomFieldDefinition[],
  drafts: Readonly<Record<string, CustomFieldDraft>>,
  stored: Readonly<Record<string, unknown>> | null,
): { changes: Record<string, CustomFieldValue>; invalid: string[] } {
  const changes: Record<string, CustomFieldValue> = {};
  const invalid: string[] = [];
  for (const definition of definitions) {
    const draft = drafts[definition.key];
    if (draft === undefined && stored !== null) continue;
    const value = customFieldValue(definition, draft ?? customFieldDraft(definition, undefined));
    if (value === undefined) {
      invalid.push(definition.key);
      continue;
    }
    const changed = stored === null ? isAnswer(definition, value) : value !== customFieldValue(definition, customFieldDraft(definition, stored[definition.key]));
    if (changed) changes[definition.key] = value;
  }
  return { changes, invalid };
}

// On a new customer: a filled input, a ticked checkbox, or an unticked one the tenant requires.
function isAnswer(definition: CustomFieldDefinition, value: CustomFieldValue): boolean {
  if (value === false) return definition.required;
  return value !== null;
}

// The fields a customer has a value for, in the tenant's order.
export function filledCustomFields(
  definitions: readonly CustomFieldDefinition[],
  values: Readonly<Record<string, unknown>>,
): Array<{ definition: CustomFieldDefinition; value: string | number | boolean }> {
  const filled: Array<{ definition: CustomFieldDefinition; value: string | number | boolean }> = [];
  for (const definition of definitions) {
    const value = values[definition.key];
    if (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value !== '')) filled.push({ definition, value });
  }
  return filled;
}
