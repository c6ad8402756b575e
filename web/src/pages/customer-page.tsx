import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, canChangeCrmRecords, canDeleteCustomers, canDispatch, canEditCrm, type Me } from '../api.ts';
import { ContactsPanel } from '../components/customer-contacts.tsx';
import { EquipmentPanel } from '../components/customer-equipment.tsx';
import { CustomerForm } from '../components/customer-form.tsx';
import { SitesPanel } from '../components/customer-sites.tsx';
import { TimelinePanel } from '../components/customer-timeline.tsx';
import { KindBadge, StatusBadge, TagList } from '../components/crm-bits.tsx';
import { CustomFieldFacts, useCustomFieldDefinitions } from '../components/custom-fields.tsx';
import { ArrowLeftIcon, MailIcon, PhoneIcon, RestoreIcon } from '../components/icons.tsx';
import { ActionFeedback, Notice, RecordActions, useEditInPlace, useSave, type NoticeState } from '../components/record-editing.tsx';
import {
  crmApi,
  withoutRecord,
  withSaved,
  type Contact,
  type Customer,
  type CustomerInput,
  type ListLoad,
  type Paged,
  type Site,
} from '../crm-api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { formatNip, formatPhone, phoneHref } from '../format.ts';
import { hvacApi, type Equipment } from '../hvac-api.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session-context.tsx';
import { customersListPath } from './customers-page.tsx';
import { LoadFailed } from '../components/load-failed.tsx';

const tabs = ['timeline', 'contacts', 'sites', 'equipment'] as const;
type Tab = (typeof tabs)[number];

type CustomerState =
  | { status: 'loading' }
  | { status: 'failed'; message: string; notFound: boolean }
  | { status: 'ready'; customer: Customer };

// One customer: header with the key facts and editing, then the timeline, contacts, sites and equipment.
export function CustomerPage({ id, me }: { id: string; me: Me }) {
  const { t, formatDate } = useI18n();
  const { expire } = useSession();
  const { search } = useLocation();
  const [state, setState] = useState<CustomerState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The header's form edits the customer in place of the header.
  const editor = useEditInPlace();
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [contacts, setContacts] = useState<ListLoad<Contact>>({ status: 'loading' });
  const [sites, setSites] = useState<ListLoad<Site>>({ status: 'loading' });
  const [equipment, setEquipment] = useState<ListLoad<Equipment>>({ status: 'loading' });
  // Set by a delete, so focus lands on the Restore button that replaces the Delete one.
  const [focusRestore, setFocusRestore] = useState(false);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const restore = useSave([]);
  const customFields = useCustomFieldDefinitions();
  const tabParam = new URLSearchParams(search).get('tab');
  const tab: Tab = tabs.find((option) => option === tabParam) ?? 'timeline';
  const selectedUnit = new URLSearchParams(search).get('unit');
  useDocumentTitle(state.status === 'ready' ? state.customer.name : t('customers.title'));

  const fail = useCallback(
    (error: unknown): string | null => {
      if (isUnauthorized(error)) {
        expire();
        return null;
      }
      return errorText(error, t, 'app.loadFailed');
    },
    // t only shapes fallback messages.
    [expire],
  );

  const reloadCustomer = useCallback(async () => {
    try {
      const customer = await crmApi.getCustomer(id);
      setState({ status: 'ready', customer });
    } catch (error) {
      const message = fail(error);
      const notFound = error instanceof ApiError && error.status === 404;
      if (message !== null) setState({ status: 'failed', message: notFound ? t('customer.notFound') : message, notFound });
    }
  }, [id, fail]);

  useEffect(() => {
    void reloadCustomer();
  }, [reloadCustomer, attempt]);

  // Loads one of the customer's lists; a newer load for another customer makes it stale.
  const loadList = useCallback(
    <T,>(load: () => Promise<Paged<T>>, set: (list: ListLoad<T>) => void, isStale: () => boolean = () => false) => {
      load().then(
        (page) => !isStale() && set({ status: 'ready', items: page.items }),
        (error: unknown) => {
          const message = isStale() ? null : fail(error);
          if (message !== null) set({ status: 'failed', message });
        },
      );
    },
    [fail],
  );
  const reloadContacts = useCallback(() => loadList(() => crmApi.listContacts(id), setContacts), [id, loadList]);
  const reloadSites = useCallback(() => loadList(() => crmApi.listSites(id), setSites), [id, loadList]);
  const reloadEquipment = useCallback(() => loadList(() => hvacApi.listCustomerEquipment(id), setEquipment), [id, loadList]);

  useEffect(() => {
    let cancelled = false;
    loadList(() => crmApi.listContacts(id), setContacts, () => cancelled);
    loadList(() => crmApi.listSites(id), setSites, () => cancelled);
    loadList(() => hvacApi.listCustomerEquipment(id), setEquipment, () => cancelled);
    return () => {
      cancelled = true;
    };
  }, [id, loadList, attempt]);

  // On a phone the tabs scroll sideways: the chosen one is kept in sight (sideways only, the page stays put).
  useEffect(() => {
    const selected = document.getElementById(`customer-tab-${tab}`);
    const list = selected?.parentElement;
    if (!selected || !list) return;
    const tabBox = selected.getBoundingClientRect();
    const listBox = list.getBoundingClientRect();
    if (tabBox.right > listBox.right) list.scrollLeft += tabBox.right - listBox.right;
    else if (tabBox.left < listBox.left) list.scrollLeft -= listBox.left - tabBox.left;
    // The counts arriving in the tabs change their widths.
  }, [tab, state.status, contacts.status, sites.status, equipment.status]);

  useEffect(() => {
    if (!focusRestore) return;
    restoreButton.current?.focus();
    setFocusRestore(false);
  }, [focusRestore]);

  const selectTab = (next: Tab) => {
    navigate(next === 'timeline' ? `/customers/${id}` : `/customers/${id}?tab=${next}`, { replace: true });
  };

  const selectUnit = (unitId: string | null) => {
    navigate(unitId ? `/customers/${id}?tab=equipment&unit=${unitId}` : `/customers/${id}?tab=equipment`, { replace: true });
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length] ?? 'timeline';
    selectTab(next);
    document.getElementById(`customer-tab-${next}`)?.focus();
  };

  if (state.status === 'loading') {
    return (
      <div className="page" data-testid="customer-page">
        <p className="page-loading">{t('app.loading')}</p>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="page" data-testid="customer-page">
        <BackLink />
        <LoadFailed message={state.message} {...(!state.notFound && { onRetry: () => setAttempt((n) => n + 1) })} testId="customer-error" />
      </div>
    );
  }

  const { customer } = state;
  const deleted = customer.deletedAt !== null;
  // A deleted customer is read-only until restored.
  const canAdd = canEditCrm(me.role) && !deleted;
  const canChange = canChangeCrmRecords(me.role) && !deleted;
  const canDelete = canDeleteCustomers(me.role);

  const save = async (input: CustomerInput) => {
    const updated = await crmApi.updateCustomer(customer.id, customer.version, input);
    setState({ status: 'ready', customer: updated });
    editor.close();
    setNotice({ text: t('customer.saved'), focus: false });
  };

  const remove = async () => {
    const removed = await crmApi.deleteCustomer(customer.id, customer.version);
    setNotice(null);
    setState({ status: 'ready', customer: removed });
    setFocusRestore(true);
  };

  const restoreCustomer = async () => {
    const restored = await restore.run(async () => {
      setState({ status: 'ready', customer: await crmApi.restoreCustomer(customer.id, customer.version) });
    });
    if (restored) setNotice({ text: t('customer.restored'), focus: true });
  };

  const contactItems = contacts.status === 'ready' ? contacts.items : [];
  const primary = contactItems.find((contact) => contact.isPrimary) ?? contactItems[0];
  const primaryPhone = primary?.phones[0]?.number ?? customer.primaryContact?.phone ?? null;
  const primaryEmail = primary?.emails[0]?.address ?? customer.primaryContact?.email ?? null;
  const counts: Record<Tab, number | null> = {
    timeline: null,
    contacts: contacts.status === 'ready' ? contacts.items.length : null,
    sites: sites.status === 'ready' ? sites.items.length : null,
    equipment: equipment.status === 'ready' ? equipment.items.length : null,
  };
  const tabLabels: Record<Tab, string> = {
    timeline: t('customer.tab.timeline'),
    contacts: t('customer.tab.contacts'),
    sites: t('customer.tab.sites'),
    equipment: t('customer.tab.equipment'),
  };

  return (
    <div className="page customer-page" data-testid="customer-page" data-customer-id={customer.id}>
      <BackLink />
      {customer.deletedAt && (
        <div className="banner banner-warning banner-deleted" role="status" data-testid="customer-deleted">
          <span>{t('customer.deleted', { date: formatDate(customer.deletedAt) })}</span>
          {canDelete && (
            <button
              ref={restoreButton}
              type="button"
              className="button button-secondary button-small"
              disabled={restore.busy}
              onClick={() => void restoreCustomer()}
              data-testid="customer-restore"
            >
              <RestoreIcon />
              {restore.busy ? t('customer.restoring') : t('customer.restore')}
            </button>
          )}
        </div>
      )}
      <ActionFeedback
        name="customer-restore"
        state={restore}
        onReload={() => {
          restore.dismiss();
          void reloadCustomer();
        }}
      />
      <Notice notice={notice} onDismiss={() => setNotice(null)} testId="customer-notice" />

      {editor.isEditing('customer', customer.id) ? (
        <section className="card" aria-labelledby="customer-edit-title" data-testid="customer-edit-panel">
          <div className="card-header">
            <h1 id="customer-edit-title" className="card-title">
              {t('customerForm.editTitle')}: {customer.name}
            </h1>
          </div>
          <CustomerForm
            key={customer.version}
            customer={customer}
            customFields={customFields}
            onSubmit={save}
            onCancel={() => editor.close()}
            onReload={() => void reloadCustomer()}
          />
        </section>
      ) : (
        <header className="card customer-header" data-testid="customer-header">
          <div className="customer-header-main">
            <div className="customer-heading">
              <KindBadge kind={customer.kind} compact />
              <h1 className="customer-name" data-testid="customer-name">
                {customer.name}
              </h1>
            </div>
            {(canAdd || (canDelete && !deleted)) && (
              <RecordActions
                key={customer.version}
                name="customer"
                recordId={customer.id}
                subject={customer.name}
                onEdit={
                  canAdd
                    ? () => {
                        setNotice(null);
                        editor.open('customer', customer.id);
                      }
                    : undefined
                }
                remove={
                  canDelete && !deleted
                    ? { question: t('customer.deleteQuestion', { name: customer.name }), confirmLabel: t('customer.delete'), run: remove }
                    : undefined
                }
                onReload={() => void reloadCustomer()}
                prominent
              />
            )}
          </div>
          <div className="customer-facts">
            <StatusBadge status={customer.status} />
            <span className="fact">{t(`kind.${customer.kind}`)}</span>
            {customer.nip && (
              <span className="fact">
                <span className="fact-label">{t('customer.nip')}</span>
                <span className="mono" data-testid="customer-nip-value">
                  {formatNip(customer.nip)}
                </span>
              </span>
            )}
            {customer.regon && (
              <span className="fact">
                <span className="fact-label">{t('customer.regon')}</span>
                <span className="mono">{customer.regon}</span>
              </span>
            )}
            <span className="fact fact-muted">{t('customer.since', { date: formatDate(customer.createdAt) })}</span>
          </div>
          {customer.tags.length > 0 && <TagList tags={customer.tags} />}
          <CustomFieldFacts definitions={customFields} values={customer.customFields} />
          {(primaryPhone || primaryEmail) && (
            <div className="quick-actions">
              {primaryPhone && (
                <a className="button button-secondary button-small" href={phoneHref(primaryPhone)} data-testid="customer-call">
                  <PhoneIcon />
                  {formatPhone(primaryPhone)}
                </a>
              )}
              {primaryEmail && (
                <a className="button button-secondary button-small quick-email" href={`mailto:${primaryEmail}`}>
                  <MailIcon />
                  <span>{primaryEmail}</span>
                </a>
              )}
            </div>
          )}
        </header>
      )}

      <div className="tabs" role="tablist" aria-label={t('customer.sections')}>
        {tabs.map((option) => (
          <button
            key={option}
            id={`customer-tab-${option}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === option}
            aria-controls={`customer-panel-${option}`}
            tabIndex={tab === option ? 0 : -1}
            onClick={() => selectTab(option)}
            onKeyDown={onTabKey}
            data-testid={`customer-tab-${option}`}
          >
            {tabLabels[option]}
            {counts[option] !== null && <span className="tab-count">{counts[option]}</span>}
          </button>
        ))}
      </div>

      <div id={`customer-panel-${tab}`} role="tabpanel" aria-labelledby={`customer-tab-${tab}`} className="tab-panel">
        {tab === 'timeline' && (
          // Re-keyed by version: an edit adds an entry to the history.
          <TimelinePanel key={customer.version} customerId={customer.id} me={me} contacts={contactItems} canAdd={canAdd} canChange={canChange} />
        )}
        {tab === 'contacts' && (
          <ContactsPanel
            customerId={customer.id}
            contacts={contacts}
            canAdd={canAdd}
            canChange={canChange}
            onSaved={(contact) => setContacts((previous) => withSaved(previous, contact))}
            onRemoved={(contact) => setContacts((previous) => withoutRecord(previous, contact))}
            onReload={reloadContacts}
          />
        )}
        {tab === 'sites' && (
          <SitesPanel
            customerId={customer.id}
            sites={sites}
            canAdd={canAdd}
            canChange={canChange}
            onSaved={(site) => setSites((previous) => withSaved(previous, site))}
            onRemoved={(site) => setSites((previous) => withoutRecord(previous, site))}
            onReload={reloadSites}
          />
        )}
        {tab === 'equipment' && (
          <EquipmentPanel
            customerId={customer.id}
            me={me}
            equipment={equipment}
            sites={sites.status === 'ready' ? sites.items : []}
            canAdd={canDispatch(me.role) && !deleted}
            selectedId={selectedUnit}
            onSelect={selectUnit}
            onSaved={(unit) => setEquipment((previous) => withSaved(previous, unit))}
            onRemoved={(unit) => setEquipment((previous) => withoutRecord(previous, unit))}
            onReload={reloadEquipment}
          />
        )}
      </div>
    </div>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to={customersListPath()} className="back-link" data-testid="customer-back">
      <ArrowLeftIcon />
      {t('customer.back')}
    </Link>
  );
}
