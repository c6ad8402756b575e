import type { Me } from './api.ts';
import type { Interaction, InteractionDirection, InteractionInput, InteractionKind, Reminder, ReminderInput } from './crm-api.ts';
import { fromWarsawInput, toWarsawInput } from './format.ts';
import type { Translator } from './i18n.ts';

// What the timeline's forms edit (drafts of notes, interactions and reminders), the API input they
// make of it, and the body properties each form shows errors for.

type FieldErrors = Record<string, string>;

export const noteFields = ['body'];
export const interactionFields = ['kind', 'direction', 'contactId', 'subject', 'outcome', 'occurredAt'];
export const reminderFields = ['title', 'dueAt', 'assigneeUserId', 'recurrence'];

// Only what the user changed: an untouched time keeps its seconds, and an untouched due date
// does not announce a reminder again.
export function changedOnly<T extends object>(input: T, original: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(input) as Array<keyof T>) {
    if (JSON.stringify(input[key]) !== JSON.stringify(original[key])) changes[key] = input[key];
  }
  return changes;
}

export interface InteractionDraft {
  kind: InteractionKind;
  direction: InteractionDirection | '';
  contactId: string;
  // Warsaw wall-clock time, as a datetime-local input holds it.
  occurredAt: string;
  subject: string;
  outcome: string;
}

export function newInteractionDraft(): InteractionDraft {
  return { kind: 'call', direction: 'outbound', contactId: '', occurredAt: toWarsawInput(new Date()), subject: '', outcome: '' };
}

export function interactionDraftOf(interaction: Interaction): InteractionDraft {
  return {
    kind: interaction.kind,
    direction: interaction.direction ?? '',
    contactId: interaction.contactId ?? '',
    occurredAt: toWarsawInput(new Date(interaction.occurredAt)),
    subject: interaction.subject ?? '',
    outcome: interaction.outcome ?? '',
  };
}

// Blank values are left out of a new interaction and cleared (null) on an edited one.
export function interactionInputOf(draft: InteractionDraft, editing: boolean): InteractionInput {
  const blank = editing ? null : undefined;
  const input: InteractionInput = {
    kind: draft.kind,
    direction: draft.direction || blank,
    contactId: draft.contactId || blank,
    subject: draft.subject.trim() || blank,
    outcome: draft.outcome.trim() || blank,
  };
  const at = fromWarsawInput(draft.occurredAt);
  if (at) input.occurredAt = at;
  return input;
}

export interface ReminderDraft {
  title: string;
  // Warsaw wall-clock time, as a datetime-local input holds it.
  dueAt: string;
  assigneeUserId: string;
  // An RRULE; '' for a one-off reminder.
  recurrence: string;
}

function tomorrowAtNine(): string {
  const tomorrow = toWarsawInput(new Date(Date.now() + 86_400_000));
  return `${tomorrow.slice(0, 10)}T09:00`;
}

export function newReminderDraft(me: Me): ReminderDraft {
  return { title: '', dueAt: tomorrowAtNine(), assigneeUserId: me.user.id, recurrence: '' };
}

export function reminderDraftOf(reminder: Reminder): ReminderDraft {
  return {
    title: reminder.title,
    dueAt: toWarsawInput(new Date(reminder.dueAt)),
    assigneeUserId: reminder.assignee?.id ?? '',
    recurrence: reminder.recurrence ?? '',
  };
}

// The reminder to send, or what is missing. Blanks are left out of a new reminder and cleared
// (null) on an edited one.
export function reminderInputOf(draft: ReminderDraft, editing: boolean, t: Translator['t']): { input: ReminderInput } | { errors: FieldErrors } {
  const title = draft.title.trim();
  const dueAt = fromWarsawInput(draft.dueAt);
  if (!title || !dueAt) {
    const errors: FieldErrors = {};
    if (!title) errors.title = t('validation.required');
    if (!dueAt) errors.dueAt = t('validation.required');
    return { errors };
  }
  const blank = editing ? null : undefined;
  return { input: { title, dueAt, assigneeUserId: draft.assigneeUserId || blank, recurrence: draft.recurrence || blank } };
}
