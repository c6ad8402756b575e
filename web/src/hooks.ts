import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';
import type { Paged } from './crm-api.ts';
import { errorText, isUnauthorized } from './error-text.ts';
import { useI18n } from './i18n-context.tsx';
import { useSession } from './session-context.tsx';

// The value, once it has stopped changing for `delay` ms (search-as-you-type).
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

// What `load` (a stable function) resolves to, or null while loading and when it fails: for data
// a screen can do without, such as the list of assignees. No `load` (null) loads nothing, for data
// the user may not see. A 401 still ends the session.
export function useOptionalData<T>(load: (() => Promise<T>) | null): T | null {
  const { expire } = useSession();
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    setData(null);
    if (!load) return;
    let cancelled = false;
    load().then(
      (loaded) => !cancelled && setData(() => loaded),
      (error: unknown) => {
        if (!cancelled && isUnauthorized(error)) expire();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [load, expire]);
  return data;
}

// The current time, refreshed every `interval` ms, so "5 min temu" does not go stale on screen.
export function useNow(interval = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), interval);
    return () => window.clearInterval(timer);
  }, [interval]);
  return now;
}

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string; notFound: boolean } | { status: 'ready'; data: T };

// What `load` (a stable function) resolves to, for data a screen needs: loading, the failure's
// message (with 404 told apart), or the data, which the screen may replace or change after a save. A 401
// ends the session. `reload` loads again, keeping the data on screen until the answer comes.
export function useLoaded<T>(load: () => Promise<T>) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setState({ status: 'ready', data }),
      (error: unknown) => {
        if (cancelled) return;
        if (isUnauthorized(error)) expire();
        else setState({ status: 'failed', message: errorText(error, t, 'app.loadFailed'), notFound: error instanceof ApiError && error.status === 404 });
      },
    );
    return () => {
      cancelled = true;
    };
    // t only shapes the fallback message; a language switch need not load again.
  }, [load, attempt, expire]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data }), []);
  // Changes the data on screen (after a save), if it is there.
  const update = useCallback((change: (data: T) => T) => setState((previous) => (previous.status === 'ready' ? { status: 'ready', data: change(previous.data) } : previous)), []);
  return { state, reload, set, update };
}

export type PagedList<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; items: T[]; nextCursor: string | null };

// A list the server sends in pages, for screens that must not load it all at once. `load` (a
// stable function; a new one for a new search) gives the page after `cursor`, or the first. A new
// `load`, or `reload`, starts again from the first page, keeping the rows on screen until it comes
// (`refreshing`) and dropping a next page still on its way; `loadMore` adds the next page. A 401
// ends the session.
export function usePagedList<T extends { id: string }>(load: (cursor: string | undefined, signal: AbortSignal) => Promise<Paged<T>>) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [state, setState] = useState<PagedList<T>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const moreRequest = useRef<AbortController | null>(null);

  // The message for a failed load, or null when the session has ended instead.
  const failureText = useCallback(
    (error: unknown): string | null => {
      if (!isUnauthorized(error)) return errorText(error, t, 'app.loadFailed');
      expire();
      return null;
    },
    [expire, t],
  );

  useEffect(() => {
    const controller = new AbortController();
    setRefreshing(true);
    setMore({ busy: false, error: null });
    load(undefined, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setRefreshing(false);
        setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setRefreshing(false);
        const message = failureText(error);
        if (message !== null) setState({ status: 'failed', message });
      },
    );
    return () => {
      controller.abort();
      moreRequest.current?.abort();
    };
    // failureText changes with the language; a language switch need not load again.
  }, [load, attempt, expire]);

  const cursor = state.status === 'ready' ? state.nextCursor : null;
  const loadMore = useCallback(async () => {
    if (!cursor) return;
    const controller = new AbortController();
    moreRequest.current?.abort();
    moreRequest.current = controller;
    setMore({ busy: true, error: null });
    try {
      const page = await load(cursor, controller.signal);
      if (controller.signal.aborted) return;
      // A record added on screen since (update) may come again in its place in the order.
      setState((previous) => {
        if (previous.status !== 'ready') return previous;
        const shown = new Set(previous.items.map((item) => item.id));
        return { status: 'ready', items: [...previous.items, ...page.items.filter((item) => !shown.has(item.id))], nextCursor: page.nextCursor };
      });
      setMore({ busy: false, error: null });
    } catch (error) {
      if (!controller.signal.aborted) setMore({ busy: false, error: failureText(error) });
    }
  }, [cursor, load, failureText]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Changes the rows on screen (after a save), if they are there.
  const update = useCallback(
    (change: (items: T[]) => T[]) => setState((previous) => (previous.status === 'ready' ? { ...previous, items: change(previous.items) } : previous)),
    [],
  );
  return { state, refreshing, loadMore, loadingMore: more.busy, moreError: more.error, reload, update };
}
