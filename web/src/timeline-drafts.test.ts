import { describe, expect, it } from 'vitest';
import type { Reminder } from './crm-api.ts';
import { createTranslator } from './i18n.ts';
import { changedOnly, interactionInputOf, newInteractionDraft, reminderDraftOf, reminderInputOf } from './timeline-drafts.ts';

const { t } = createTranslator('pl');

const reminder: Reminder = {
  id: 'r1',
  customerId: 'c1',
  title: 'Oddzwonić',
  // Seconds the datetime-local input cannot show.
  dueAt: '2026-03-02T08:00:42.000Z',
  assignee: { id: 'u1', name: 'Ewa Nowak' },
  recurrence: 'FREQ=MONTHLY;INTERVAL=6',
  doneAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
};

describe('timeline drafts', () => {
  it('sends only the changed fields of an edited reminder, so its due date keeps its seconds', () => {
    const original = reminderDraftOf(reminder);
    expect(original.dueAt).toBe('2026-03-02T09:00');
    const before = reminderInputOf(original, true, t);
    const after = reminderInputOf({ ...original, title: 'Oddzwonić po przeglądzie' }, true, t);
    if (!('input' in before) || !('input' in after)) throw new Error('both drafts are complete');
    expect(changedOnly(after.input, before.input)).toEqual({ title: 'Oddzwonić po przeglądzie' });
  });

  it('clears blanks on an edited reminder and names what a new one lacks', () => {
    const cleared = reminderInputOf({ ...reminderDraftOf(reminder), assigneeUserId: '', recurrence: '' }, true, t);
    expect(cleared).toMatchObject({ input: { assigneeUserId: null, recurrence: null } });
    expect(reminderInputOf({ title: ' ', dueAt: '', assigneeUserId: '', recurrence: '' }, false, t)).toEqual({
      errors: { title: t('validation.required'), dueAt: t('validation.required') },
    });
  });

  it('leaves blanks out of a new interaction and sends null for them when editing', () => {
    const draft = { ...newInteractionDraft(), direction: '' as const, occurredAt: '2026-01-15T10:30' };
    expect(interactionInputOf(draft, false)).toEqual({ kind: 'call', occurredAt: '2026-01-15T09:30:00.000Z' });
    expect(interactionInputOf(draft, true)).toMatchObject({ direction: null, contactId: null, subject: null, outcome: null });
  });
});
