import { useState, type ReactNode } from 'react';
import type { ListLoad } from '../crm-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { PlusIcon } from './icons.tsx';

// One tab of the customer page: a list of records (contacts, sites) with an "add" form above it
// and a confirmation once one is added. Test ids follow the record name: contacts-panel,
// contact-add, contacts-empty, contacts-list.
interface RecordListPanelProps<T extends { id: string }> {
  name: 'contact' | 'site';
  title: string;
  addLabel: string;
  emptyText: string;
  records: ListLoad<T>;
  editable: boolean;
  renderForm(form: { close(): void; saved(record: T): void }): ReactNode;
  addedMessage(record: T): string;
  onAdded(record: T): void;
  renderCard(record: T): ReactNode;
}

export function RecordListPanel<T extends { id: string }>(props: RecordListPanelProps<T>) {
  const { t } = useI18n();
  const { name, records } = props;
  const [formOpen, setFormOpen] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  return (
    <section className="panel-stack" data-testid={`${name}s-panel`} aria-label={props.title}>
      <div className="section-header">
        <h2 className="section-title">{props.title}</h2>
        {props.editable && !formOpen && (
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => {
              setAdded(null);
              setFormOpen(true);
            }}
            data-testid={`${name}-add`}
          >
            <PlusIcon />
            {props.addLabel}
          </button>
        )}
      </div>
      {added && (
        <div className="banner banner-success" role="status">
          {added}
        </div>
      )}
      {formOpen &&
        props.renderForm({
          close: () => setFormOpen(false),
          saved: (record) => {
            props.onAdded(record);
            setFormOpen(false);
            setAdded(props.addedMessage(record));
          },
        })}
      {records.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {records.status === 'failed' && (
        <p className="banner banner-error" role="alert">
          {records.message}
        </p>
      )}
      {records.status === 'ready' && records.items.length === 0 && !formOpen && (
        <p className="card card-message" data-testid={`${name}s-empty`}>
          {props.emptyText}
        </p>
      )}
      {records.status === 'ready' && records.items.length > 0 && (
        <ul className="entity-list" data-testid={`${name}s-list`}>
          {records.items.map((record) => props.renderCard(record))}
        </ul>
      )}
    </section>
  );
}
