import { useEffect, useState } from 'react';
import { crmApi, type Customer } from '../crm-api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { useDebouncedValue } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { Field, TextInput } from './field.tsx';
import { SearchIcon } from './icons.tsx';

export interface CustomerChoice {
  id: string;
  name: string;
}

type Hits = { status: 'idle' } | { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; items: Customer[] };

interface CustomerPickerProps {
  value: CustomerChoice | null;
  onChange(customer: CustomerChoice | null): void;
  error?: string | undefined;
  // Test ids: `${name}-customer-search`, `${name}-customer-option`, `${name}-customer-chosen`.
  name: string;
}

// Choosing the customer a job or plan is for: type part of a name, NIP or city and pick one of the
// matches (the same search as the customer list). Once chosen, it shows the name and a way to change it.
export function CustomerPicker({ value, onChange, error, name }: CustomerPickerProps) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hits>({ status: 'idle' });
  const q = useDebouncedValue(query.trim(), 200);

  useEffect(() => {
    if (value || q.length < 2) {
      setHits({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setHits({ status: 'loading' });
    crmApi.listCustomers({ q, limit: 8 }, controller.signal).then(
      (page) => !controller.signal.aborted && setHits({ status: 'ready', items: page.items }),
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        if (isUnauthorized(caught)) expire();
        else setHits({ status: 'failed', message: errorText(caught, t, 'app.loadFailed') });
      },
    );
    return () => controller.abort();
    // t only shapes the fallback message.
  }, [q, value, expire]);

  if (value) {
    return (
      <div className="field">
        <span className="field-label">{t('picker.customer')}</span>
        <div className="picked" data-testid={`${name}-customer-chosen`}>
          <span className="picked-name">{value.name}</span>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => {
              setQuery('');
              onChange(null);
            }}
          >
            {t('picker.change')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="picker">
      <Field label={t('picker.customer')} error={error} hint={t('picker.hint')}>
        {(control) => (
          <div className="input-with-icon">
            <SearchIcon />
            <TextInput
              {...control}
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              data-testid={`${name}-customer-search`}
            />
          </div>
        )}
      </Field>
      {hits.status === 'loading' && <p className="muted">{t('search.searching')}</p>}
      {hits.status === 'failed' && (
        <p className="field-error" role="alert">
          {hits.message}
        </p>
      )}
      {hits.status === 'ready' && hits.items.length === 0 && <p className="muted">{t('search.noResults', { q })}</p>}
      {hits.status === 'ready' && hits.items.length > 0 && (
        <ul className="picker-options" aria-label={t('picker.matches')}>
          {hits.items.map((customer) => (
            <li key={customer.id}>
              <button
                type="button"
                className="picker-option"
                onClick={() => onChange({ id: customer.id, name: customer.name })}
                data-testid={`${name}-customer-option`}
              >
                <span className="picker-option-name">{customer.name}</span>
                {customer.city && <span className="muted">{customer.city}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
