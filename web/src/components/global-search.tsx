import { Fragment, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { crmApi, searchTypes, type SearchHit, type SearchType } from '../crm-api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { findMatch, formatNip, formatPhone } from '../format.ts';
import { useDebouncedValue } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import type { MessageKey } from '../i18n.ts';
import { navigate } from '../router.tsx';
import { useSession } from '../session-context.tsx';
import { BuildingIcon, PersonIcon, PinIcon, SearchIcon } from './icons.tsx';

type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; q: string; hits: SearchHit[] }
  | { status: 'ready'; q: string; hits: SearchHit[] }
  | { status: 'failed'; q: string; message: string };

const fieldLabels: Record<string, MessageKey> = {
  name: 'search.field.name',
  companyName: 'search.field.name',
  nip: 'search.field.nip',
  regon: 'search.field.regon',
  krs: 'search.field.krs',
  pesel: 'search.field.pesel',
  phone: 'search.field.phone',
  email: 'search.field.email',
  address: 'search.field.address',
  street: 'search.field.address',
  city: 'search.field.city',
  postalCode: 'search.field.postalCode',
  tag: 'search.field.tag',
  tags: 'search.field.tag',
  contact: 'search.field.contact',
  role: 'search.field.role',
  label: 'search.field.label',
};

const groupLabels: Record<SearchType, MessageKey> = {
  customer: 'search.group.customer',
  contact: 'search.group.contact',
  site: 'search.group.site',
};

const minQueryLength = 2;

// Where a hit leads: the customer card, on the tab that shows what was found.
function hitPath(hit: SearchHit): string {
  if (hit.type === 'contact') return `/customers/${hit.customerId}?tab=contacts`;
  if (hit.type === 'site') return `/customers/${hit.customerId}?tab=sites`;
  return `/customers/${hit.customerId || hit.id}`;
}

function displayValue(field: string, value: string): string {
  if (field === 'nip') return formatNip(value);
  if (field === 'phone') return formatPhone(value);
  return value;
}

// The top-bar search across customers, contacts and sites (GET /api/search), as a combobox:
// arrows move, Enter opens, Escape closes; "/" focuses it from anywhere.
export function GlobalSearch() {
  const { t } = useI18n();
  const { expire } = useSession();
  const baseId = useId();
  const listId = `${baseId}-list`;
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  // Enter pressed before the answer for the current text arrived: open the first hit when it does.
  const [openOnArrival, setOpenOnArrival] = useState(false);
  const q = useDebouncedValue(text.trim(), 200);

  useEffect(() => {
    if (q.length < minQueryLength) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', q, hits: previous.status === 'ready' || previous.status === 'loading' ? previous.hits : [] }));
    crmApi.search(q, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setState({ status: 'ready', q, hits: result.items });
        setActive(0);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isUnauthorized(error)) expire();
        else setState({ status: 'failed', q, message: errorText(error, t) });
      },
    );
    return () => controller.abort();
  }, [q, expire]);

  // Hits in display order (grouped by type), which is also the keyboard order.
  const hits = useMemo(() => {
    const found = state.status === 'ready' || state.status === 'loading' ? state.hits : [];
    return searchTypes.flatMap((type) => found.filter((hit) => hit.type === type));
  }, [state]);

  const go = (hit: SearchHit) => {
    setOpen(false);
    setOpenOnArrival(false);
    setText('');
    inputRef.current?.blur();
    navigate(hitPath(hit));
  };

  useEffect(() => {
    if (!openOnArrival || state.status !== 'ready' || state.q !== text.trim()) return;
    setOpenOnArrival(false);
    const first = hits[0];
    if (first) go(first);
    // go is recreated on every render and only reads setters.
  }, [openOnArrival, state, text, hits]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const current = state.status !== 'idle' && state.q === text.trim();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (current && state.status === 'ready' && hit) go(hit);
      else if (text.trim().length >= minQueryLength) setOpenOnArrival(true);
    } else if (event.key === 'Escape') {
      if (open && text) setOpen(false);
      else {
        setText('');
        inputRef.current?.blur();
      }
    }
  };

  const showPanel = open && text.trim().length >= minQueryLength && state.status !== 'idle';
  const activeHit = hits[active];
  const optionId = (hit: SearchHit) => `${baseId}-${hit.type}-${hit.id}`;
  const needle = state.status === 'idle' ? '' : state.q;

  return (
    <div
      className="global-search"
      data-testid="global-search"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <label className="visually-hidden" htmlFor={`${baseId}-input`}>
        {t('search.label')}
      </label>
      <div className="input-with-icon">
        <SearchIcon />
        <input
          ref={inputRef}
          id={`${baseId}-input`}
          className="input global-search-input"
          type="search"
          role="combobox"
          aria-expanded={showPanel}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showPanel && activeHit ? optionId(activeHit) : undefined}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          data-testid="global-search-input"
        />
        <kbd className="search-shortcut" aria-hidden="true">
          /
        </kbd>
      </div>
      {showPanel && (
        <div className="search-panel" data-testid="global-search-results">
          {state.status === 'failed' && (
            <p className="search-message" role="alert">
              {state.message}
            </p>
          )}
          {state.status === 'loading' && hits.length === 0 && <p className="search-message">{t('search.searching')}</p>}
          {state.status === 'ready' && hits.length === 0 && (
            <p className="search-message" role="status" data-testid="global-search-empty">
              {t('search.noResults', { q: state.q })}
            </p>
          )}
          <ul id={listId} role="listbox" aria-label={t('search.label')} className={state.status === 'loading' ? 'search-list is-refreshing' : 'search-list'}>
            {searchTypes.map((type) => {
              const group = hits.filter((hit) => hit.type === type);
              if (group.length === 0) return null;
              return (
                <Fragment key={type}>
                  <li role="presentation" className="search-group">
                    {t(groupLabels[type])}
                  </li>
                  {group.map((hit) => {
                    const index = hits.indexOf(hit);
                    return (
                      <li
                        key={optionId(hit)}
                        id={optionId(hit)}
                        role="option"
                        aria-selected={index === active}
                        className={index === active ? 'search-hit search-hit-active' : 'search-hit'}
                        data-testid="global-search-hit"
                        data-type={hit.type}
                        data-customer-id={hit.customerId}
                        onMouseDown={(event) => event.preventDefault()}
                        onMouseEnter={() => setActive(index)}
                        onClick={() => go(hit)}
                      >
                        <span className="search-hit-icon" aria-hidden="true">
                          {hit.type === 'customer' ? <BuildingIcon /> : hit.type === 'contact' ? <PersonIcon /> : <PinIcon />}
                        </span>
                        <span className="search-hit-text">
                          <span className="search-hit-title">
                            <Highlighted value={hit.title} query={needle} />
                          </span>
                          {hit.subtitle && <span className="search-hit-subtitle">{hit.subtitle}</span>}
                          {visibleMatches(hit).length > 0 && (
                            <span className="search-hit-matched">
                              {visibleMatches(hit).map((match, matchIndex) => {
                                const label = fieldLabels[match.field];
                                return (
                                  <span key={`${match.field}-${matchIndex}`} className="match-chip" data-testid="global-search-match" data-field={match.field}>
                                    <span className="match-field">{label ? t(label) : match.field}</span>
                                    <span className="match-value">
                                      <Highlighted value={displayValue(match.field, match.value)} query={needle} />
                                    </span>
                                  </span>
                                );
                              })}
                            </span>
                          )}
                        </span>
                      </li>
                    );
                  })}
                </Fragment>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

// A name match is already visible (and highlighted) in the title.
function visibleMatches(hit: SearchHit): SearchHit['matched'] {
  return hit.matched.filter((match) => !(match.field === 'name' && match.value === hit.title));
}

function Highlighted({ value, query }: { value: string; query: string }) {
  const match = query ? findMatch(value, query) : null;
  if (!match) return <>{value}</>;
  return (
    <>
      {value.slice(0, match.start)}
      <mark>{value.slice(match.start, match.end)}</mark>
      {value.slice(match.end)}
    </>
  );
}
