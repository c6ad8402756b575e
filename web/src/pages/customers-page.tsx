import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { canEditCrm, type Me } from '../api.ts';
import { CustomerForm } from '../components/customer-form.tsx';
import { KindBadge, StatusBadge, TagList } from '../components/crm-bits.tsx';
import { useCustomFieldDefinitions } from '../components/custom-fields.tsx';
import { Field, Select, TextInput } from '../components/field.tsx';
import { MailIcon, PhoneIcon, PlusIcon, SearchIcon } from '../components/icons.tsx';
import {
  crmApi,
  customerKinds,
  customerSorts,
  customerStatuses,
  type Customer,
  type CustomerInput,
  type CustomerKind,
  type CustomerQuery,
  type CustomerSort,
  type CustomerStatus,
} from '../crm-api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { formatNip, formatPhone, phoneHref } from '../format.ts';
import { useDebouncedValue } from '../hooks.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import type { MessageKey } from '../i18n.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session-context.tsx';
import { LoadFailed } from '../components/load-failed.tsx';

const pageSize = 50;

const sortLabels: Record<CustomerSort, MessageKey> = {
  name: 'customers.sort.nameAsc',
  '-name': 'customers.sort.nameDesc',
  '-createdAt': 'customers.sort.newest',
  createdAt: 'customers.sort.oldest',
  '-updatedAt': 'customers.sort.updated',
};

interface Filters {
  q: string;
  status: CustomerStatus | '';
  kind: CustomerKind | '';
  tag: string;
  sort: CustomerSort;
}

// The server's default order; left out of the address.
const defaultSort: CustomerSort = 'name';

function pick<T extends string>(options: readonly T[], value: string | null): T | '' {
  return options.find((option) => option === value) ?? '';
}

// The filters live in the address, so going back from a customer restores the same list.
function filtersFromSearch(search: string): Filters {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    status: pick(customerStatuses, params.get('status')),
    kind: pick(customerKinds, params.get('kind')),
    tag: params.get('tag') ?? '',
    sort: pick(customerSorts, params.get('sort')) || defaultSort,
  };
}

function searchFromFilters(filters: Filters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'sort' && value === defaultSort) continue;
    if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The list's address with its filters, so "back to customers" returns to the same list.
let lastListSearch = '';
export function customersListPath(): string {
  return `/customers${lastListSearch}`;
}

type ListState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; items: Customer[]; nextCursor: string | null; total: number | undefined };

export function CustomersPage({ me }: { me: Me }) {
  const { t, plural } = useI18n();
  const { expire } = useSession();
  const location = useLocation();
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(location.search));
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [seenTags, setSeenTags] = useState<string[]>([]);
  const customFields = useCustomFieldDefinitions();
  useDocumentTitle(t('customers.title'));

  const q = useDebouncedValue(filters.q.trim(), 200);
  const tag = useDebouncedValue(filters.tag.trim(), 200);
  const query = useMemo<CustomerQuery>(() => {
    const result: CustomerQuery = { limit: pageSize };
    if (q) result.q = q;
    if (filters.status) result.status = filters.status;
    if (filters.kind) result.kind = filters.kind;
    if (tag) result.tag = tag;
    if (filters.sort !== defaultSort) result.sort = filters.sort;
    return result;
  }, [q, tag, filters.status, filters.kind, filters.sort]);

  useEffect(() => {
    const search = searchFromFilters({ ...filters, q, tag });
    lastListSearch = search;
    if (search !== window.location.search) navigate(`/customers${search}`, { replace: true });
  }, [q, tag, filters]);

  const rememberTags = useCallback((items: Customer[]) => {
    setSeenTags((previous) => {
      const all = new Set(previous);
      for (const item of items) for (const itemTag of item.tags) all.add(itemTag);
      return all.size === previous.length ? previous : [...all].sort((a, b) => a.localeCompare(b, 'pl'));
    });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setMoreError(null);
    setRefreshing(true);
    // A new search keeps the previous rows on screen until the answer comes, without flicker.
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    crmApi.listCustomers(query, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setRefreshing(false);
        rememberTags(page.items);
        setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, total: page.total });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setRefreshing(false);
        if (isUnauthorized(error)) expire();
        else setState({ status: 'failed', message: errorText(error, t, 'app.loadFailed') });
      },
    );
    return () => controller.abort();
    // t only shapes the fallback message; a language switch need not re-fetch.
  }, [query, attempt, expire, rememberTags]);

  const cursor = state.status === 'ready' ? state.nextCursor : null;
  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await crmApi.listCustomers({ ...query, cursor });
      rememberTags(page.items);
      setState((previous) =>
        previous.status === 'ready' && previous.nextCursor === cursor
          ? { ...previous, items: [...previous.items, ...page.items], nextCursor: page.nextCursor, total: page.total ?? previous.total }
          : previous,
      );
    } catch (error) {
      if (isUnauthorized(error)) expire();
      else setMoreError(errorText(error, t, 'app.loadFailed'));
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, loadingMore, query, expire, rememberTags, t]);

  // Infinite scroll: the sentinel below the list loads the next page as it comes into view.
  const sentinel = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !cursor || moreError) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void loadMore();
    }, { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [cursor, loadMore, moreError]);

  const update = (patch: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...patch }));
  const filtered = Boolean(filters.q.trim() || filters.status || filters.kind || filters.tag.trim());
  const editable = canEditCrm(me.role);

  const create = async (input: CustomerInput) => {
    const created = await crmApi.createCustomer(input);
    navigate(`/customers/${created.id}`);
  };

  return (
    <div className="page page-wide" data-testid="customers-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">
            {t('customers.title')}
            {state.status === 'ready' && state.total !== undefined && (
              <span className="count-pill" data-testid="customers-count">
                {plural('customers.count', state.total)}
              </span>
            )}
          </h1>
          <p className="page-subtitle">{t('customers.subtitle')}</p>
        </div>
        {editable && !formOpen && (
          <button type="button" className="button button-primary" data-testid="customer-new" onClick={() => setFormOpen(true)}>
            <PlusIcon />
            {t('customers.new')}
          </button>
        )}
      </header>

      {formOpen && (
        <section className="card" aria-labelledby="customer-new-title" data-testid="customer-new-panel">
          <div className="card-header">
            <h2 id="customer-new-title" className="card-title">
              {t('customerForm.newTitle')}
            </h2>
            <button type="button" className="icon-button" aria-label={t('app.dismiss')} onClick={() => setFormOpen(false)}>
              ×
            </button>
          </div>
          <CustomerForm customFields={customFields} onSubmit={create} onCancel={() => setFormOpen(false)} />
        </section>
      )}

      <section className="card filters-card" aria-label={t('customers.searchLabel')}>
        <div className="filters">
          <div className="filters-search">
            <Field label={t('customers.searchLabel')}>
              {(control) => (
                <div className="input-with-icon">
                  <SearchIcon />
                  <TextInput
                    {...control}
                    type="search"
                    placeholder={t('customers.searchPlaceholder')}
                    autoComplete="off"
                    spellCheck={false}
                    value={filters.q}
                    onChange={(event) => update({ q: event.target.value })}
                    data-testid="customers-search"
                  />
                </div>
              )}
            </Field>
          </div>
          <Field label={t('customers.filter.status')}>
            {(control) => (
              <Select
                {...control}
                value={filters.status}
                onChange={(event) => update({ status: pick(customerStatuses, event.target.value) })}
                data-testid="customers-filter-status"
              >
                <option value="">{t('customers.filter.all')}</option>
                {customerStatuses.map((option) => (
                  <option key={option} value={option}>
                    {t(`status.${option}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('customers.filter.kind')}>
            {(control) => (
              <Select
                {...control}
                value={filters.kind}
                onChange={(event) => update({ kind: pick(customerKinds, event.target.value) })}
                data-testid="customers-filter-kind"
              >
                <option value="">{t('customers.filter.allKinds')}</option>
                {customerKinds.map((option) => (
                  <option key={option} value={option}>
                    {t(`kind.${option}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('customers.filter.tag')}>
            {(control) => (
              <>
                <TextInput
                  {...control}
                  list="customers-tag-options"
                  placeholder={t('customers.filter.tagPlaceholder')}
                  autoComplete="off"
                  value={filters.tag}
                  onChange={(event) => update({ tag: event.target.value })}
                  data-testid="customers-filter-tag"
                />
                <datalist id="customers-tag-options">
                  {seenTags.map((option) => (
                    <option key={option} value={option} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label={t('customers.sort')}>
            {(control) => (
              <Select
                {...control}
                value={filters.sort}
                onChange={(event) => update({ sort: pick(customerSorts, event.target.value) || defaultSort })}
                data-testid="customers-sort"
              >
                {customerSorts.map((option) => (
                  <option key={option} value={option}>
                    {t(sortLabels[option])}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </section>

      <section
        className={refreshing && state.status === 'ready' ? 'card card-flush is-refreshing' : 'card card-flush'}
        aria-label={t('customers.title')}
        aria-busy={refreshing}
      >
        {state.status === 'loading' && <p className="card-message">{t('app.loading')}</p>}
        {state.status === 'failed' && (
          <LoadFailed message={state.message} onRetry={() => setAttempt((n) => n + 1)} inCard={false} testId="customers-error" />
        )}
        {state.status === 'ready' && state.items.length === 0 && (
          <div className="card-message" data-testid="customers-empty">
            <p>{filtered ? t('customers.noMatches') : t('customers.empty')}</p>
            {filtered && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setFilters({ q: '', status: '', kind: '', tag: '', sort: filters.sort })}
              >
                {t('customers.filter.clear')}
              </button>
            )}
          </div>
        )}
        {state.status === 'ready' && state.items.length > 0 && (
          <>
            <CustomersTable customers={state.items} />
            <div className="list-footer">
              {state.total !== undefined && (
                <span className="list-footer-count">
                  {t('customers.shown', { shown: state.items.length, total: state.total })}
                </span>
              )}
              {moreError && (
                <span className="field-error" role="alert">
                  {moreError}
                </span>
              )}
              {state.nextCursor && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore()}
                  data-testid="customers-load-more"
                >
                  {loadingMore ? t('common.loadingMore') : t('common.loadMore')}
                </button>
              )}
              <div ref={sentinel} className="list-sentinel" aria-hidden="true" />
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function CustomersTable({ customers }: { customers: Customer[] }) {
  const { t } = useI18n();
  // primaryContact and city are optional in the API: their columns show only when the server sends them.
  const showContact = customers.some((customer) => customer.primaryContact !== undefined);
  const showCity = customers.some((customer) => customer.city !== undefined);

  // The whole row opens the customer; links inside it (phone, e-mail) keep their own meaning.
  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    if (!(event.target instanceof Element) || event.target.closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    navigate(`/customers/${id}`);
  };

  return (
    <table className="table customer-table" data-testid="customers-table">
      <thead>
        <tr>
          <th scope="col">{t('customers.col.name')}</th>
          <th scope="col">{t('customers.col.nip')}</th>
          {showContact && <th scope="col">{t('customers.col.contact')}</th>}
          {showCity && <th scope="col">{t('customers.col.city')}</th>}
          <th scope="col">{t('customers.col.status')}</th>
          <th scope="col">{t('customers.col.tags')}</th>
        </tr>
      </thead>
      <tbody>
        {customers.map((customer) => {
          const contact = customer.primaryContact;
          return (
            <tr
              key={customer.id}
              className="row-link"
              data-testid="customers-row"
              data-customer-id={customer.id}
              onClick={(event) => openRow(event, customer.id)}
            >
              <td className="cell-customer" data-label={t('customers.col.name')}>
                <span className="customer-cell">
                  <KindBadge kind={customer.kind} compact />
                  <Link to={`/customers/${customer.id}`} className="customer-link" data-testid="customers-name">
                    {customer.name}
                  </Link>
                </span>
              </td>
              <td className="cell-nip" data-label={t('customers.col.nip')}>
                {customer.nip ? <span className="mono">{formatNip(customer.nip)}</span> : <span className="muted">—</span>}
              </td>
              {showContact && (
                <td className="cell-contact" data-label={t('customers.col.contact')}>
                  {contact ? (
                    <span className="contact-lines">
                      {contact.name && <span className="contact-name">{contact.name}</span>}
                      {contact.phone && (
                        <a href={phoneHref(contact.phone)} className="contact-line">
                          <PhoneIcon />
                          {formatPhone(contact.phone)}
                        </a>
                      )}
                      {contact.email && (
                        <a href={`mailto:${contact.email}`} className="contact-line contact-email" title={contact.email}>
                          <MailIcon />
                          <span className="ellipsis">{contact.email}</span>
                        </a>
                      )}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
              {showCity && (
                <td className="cell-city" data-label={t('customers.col.city')}>
                  {customer.city ?? <span className="muted">—</span>}
                </td>
              )}
              <td className="cell-status" data-label={t('customers.col.status')}>
                <StatusBadge status={customer.status} />
              </td>
              <td className="cell-tags" data-label={t('customers.col.tags')}>
                <TagList tags={customer.tags} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
