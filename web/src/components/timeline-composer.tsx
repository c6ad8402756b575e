import { useState, type FormEvent } from 'react';
import type { Me } from '../api.ts';
import { crmApi, type Contact, type TimelineKind } from '../crm-api.ts';
import { toWarsawInput } from '../format.ts';
import { useI18n } from '../i18n-context.tsx';
import {
  interactionFields,
  interactionInputOf,
  newInteractionDraft,
  newReminderDraft,
  noteFields,
  reminderFields,
  reminderInputOf,
} from '../timeline-drafts.ts';
import { RadioButtons } from './field.tsx';
import { FormFooter, useSave } from './record-editing.tsx';
import { InteractionFields, KindIcon, NoteBodyField, ReminderFields } from './timeline-fields.tsx';

const composerModes = ['note', 'interaction', 'reminder'] as const;
type ComposerMode = (typeof composerModes)[number];

const shownFields: Record<ComposerMode, string[]> = { note: noteFields, interaction: interactionFields, reminder: reminderFields };

interface ComposerProps {
  customerId: string;
  me: Me;
  contacts: Contact[];
  onAdded(kind: TimelineKind): void;
}

// Above the timeline: a new note, a logged interaction or a reminder.
export function Composer({ customerId, me, contacts, onAdded }: ComposerProps) {
  const { t } = useI18n();
  const [mode, setMode] = useState<ComposerMode>('note');
  const [noteBody, setNoteBody] = useState('');
  const [interaction, setInteraction] = useState(newInteractionDraft);
  const [reminder, setReminder] = useState(() => newReminderDraft(me));
  const save = useSave(shownFields[mode]);

  const switchMode = (next: ComposerMode) => {
    setMode(next);
    save.reject({});
    if (next === 'interaction') setInteraction((draft) => ({ ...draft, occurredAt: toWarsawInput(new Date()) }));
  };

  // Each mode's request, and the draft it leaves for the next entry (the kind, direction, contact
  // and assignee stay: the next entry is often alike).
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let action: () => Promise<void>;
    if (mode === 'note') {
      if (!noteBody.trim()) return save.reject({ body: t('validation.required') });
      action = async () => {
        await crmApi.createNote(customerId, noteBody.trim());
        setNoteBody('');
      };
    } else if (mode === 'interaction') {
      const input = interactionInputOf(interaction, false);
      action = async () => {
        await crmApi.createInteraction(customerId, input);
        setInteraction((draft) => ({ ...draft, subject: '', outcome: '', occurredAt: toWarsawInput(new Date()) }));
      };
    } else {
      const checked = reminderInputOf(reminder, false, t);
      if ('errors' in checked) return save.reject(checked.errors);
      action = async () => {
        await crmApi.createReminder(customerId, checked.input);
        setReminder((draft) => ({ ...newReminderDraft(me), assigneeUserId: draft.assigneeUserId }));
      };
    }
    if (await save.run(action)) onAdded(mode);
  };

  const modeLabels: Record<ComposerMode, string> = {
    note: t('composer.note'),
    interaction: t('composer.interaction'),
    reminder: t('composer.reminder'),
  };
  const submitLabels: Record<ComposerMode, string> = {
    note: t('composer.addNote'),
    interaction: t('composer.logInteraction'),
    reminder: t('composer.addReminder'),
  };

  return (
    <form className="card composer" onSubmit={(event) => void submit(event)} noValidate aria-label={t('composer.label')} data-testid="composer">
      <RadioButtons
        options={composerModes}
        value={mode}
        onChange={switchMode}
        label={t('composer.label')}
        className="composer-modes"
        optionClassName="composer-mode"
        testId={(option) => `composer-mode-${option}`}
      >
        {(option) => (
          <>
            <KindIcon kind={option} />
            {modeLabels[option]}
          </>
        )}
      </RadioButtons>

      {mode === 'note' && <NoteBodyField value={noteBody} onChange={setNoteBody} error={save.fieldErrors.body} testId="composer-note-body" />}
      {mode === 'interaction' && <InteractionFields draft={interaction} onChange={setInteraction} contacts={contacts} fieldErrors={save.fieldErrors} />}
      {mode === 'reminder' && <ReminderFields draft={reminder} onChange={setReminder} me={me} fieldErrors={save.fieldErrors} />}

      <FormFooter name="composer" busy={save.busy} error={save.error} submitLabel={submitLabels[mode]} />
    </form>
  );
}
