import { useState, type ReactNode } from 'react';
import type { ListLoad } from '../crm-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { PlusIcon } from './icons.tsx';
import { Notice, RecordActions, useEditInPlace, type NoticeState, type Removal } from './record-editing.tsx';

// One tab of the customer page: a list of records (contacts, sites) with an "add" form above it,
// each card with Edit (the same form, in place of the card) and Delete, and a confirmation after
// each change. Test ids follow the record name: contacts-panel, contact-add, contact-card,
// contact-edit, contact-delete, contacts-empty, contacts-list, contacts-notice (equipment, which
// has no plural, uses equipment-panel, equipment-list…).
export interface RecordForm<T> {
  // The record being edited; none when adding.
  record?: T;
  close(): void;
  saved(record: T): void;
}

interface RecordListPanelProps<T extends { id: string; version: number }> {
  name: 'contact' | 'site' | 'equipment';
  title: string;
  addLabel: string;
  emptyText: string;
  records: ListLoad<T>;
  canAdd: boolean;
  canChange: boolean;
  renderForm(form: RecordForm<T>): ReactNode;
  renderCard(record: T): ReactNode;
  // What a record is called in buttons and messages ("Jan Kowalski", "Marszałkowska 100/5").
  describe(record: T): string;
  savedMessage(record: T, added: boolean): string;
  removal(record: T): Omit<Removal, 'run'> & { run(): Promise<T> };
  removedMessage(record: T): string;
  onSaved(record: T): void;
  onRemoved(record: T): void;
  onReload(): void;
}

export function RecordListPanel<T extends { id: string; version: number }>(props: RecordListPanelProps<T>) {
  const { t } = useI18n();
  const { name, records } = props;
  const names = name === 'equipment' ? name : `${name}s`;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const editor = useEditInPlace();

  const startAdding = () => {
    editor.dismiss();
    setNotice(null);
    setAdding(true);
  };

  // Keyed by version too: a record reloaded after a conflict starts a fresh form or card.
  const card = (record: T) => {
    const key = `${record.id}:${record.version}`;
    if (editor.isEditing(name, record.id)) {
      return (
        <li key={key} className="entity-editing">
          {props.renderForm({
            record,
            close: () => editor.close(),
            saved: (saved) => {
              props.onSaved(saved);
              editor.close();
              setNotice({ text: props.savedMessage(saved, false), focus: false });
            },
          })}
        </li>
      );
    }
    const removal = props.removal(record);
    return (
      <li key={key} className="card entity-card" data-testid={`${name}-card`} data-record-id={record.id}>
        {props.renderCard(record)}
        {props.canChange && (
          <RecordActions
            name={name}
            recordId={record.id}
            subject={props.describe(record)}
            onEdit={() => {
              setAdding(false);
              setNotice(null);
              editor.open(name, record.id);
            }}
            remove={{
              ...removal,
              run: async () => {
                props.onRemoved(await removal.run());
                setNotice({ text: props.removedMessage(record), focus: true });
              },
            }}
            onReload={props.onReload}
          />
        )}
      </li>
    );
  };

  return (
    <section className="panel-stack" data-testid={`${names}-panel`} aria-label={props.title}>
      <div className="section-header">
        <h2 className="section-title">{props.title}</h2>
        {props.canAdd && !adding && (
          <button type="button" className="button button-primary button-small" onClick={startAdding} data-testid={`${name}-add`}>
            <PlusIcon />
            {props.addLabel}
          </button>
        )}
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} testId={`${names}-notice`} />
      {adding &&
        props.renderForm({
          close: () => setAdding(false),
          saved: (record) => {
            props.onSaved(record);
            setAdding(false);
            setNotice({ text: props.savedMessage(record, true), focus: true });
          },
        })}
      {records.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {records.status === 'failed' && (
        <p className="banner banner-error" role="alert">
          {records.message}
        </p>
      )}
      {records.status === 'ready' && records.items.length === 0 && !adding && (
        <p className="card card-message" data-testid={`${names}-empty`}>
          {props.emptyText}
        </p>
      )}
      {records.status === 'ready' && records.items.length > 0 && (
        <ul className="entity-list" data-testid={`${names}-list`}>
          {records.items.map(card)}
        </ul>
      )}
    </section>
  );
}
