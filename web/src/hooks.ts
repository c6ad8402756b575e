import { useEffect, useState } from 'react';
import { isUnauthorized } from './error-text.ts';
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
// a screen can do without, such as the list of assignees. A 401 still ends the session.
export function useOptionalData<T>(load: () => Promise<T>): T | null {
  const { expire } = useSession();
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
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
