import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, getMeOrNull, type Me } from './api.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; me: Me | null };

interface SessionValue {
  state: SessionState;
  reload(): void;
  signIn(me: Me): void;
  signOut(): Promise<void>;
  switchTenant(tenantId: string): Promise<void>;
  // Call when any request answers 401: the session ended on the server (expiry, logout elsewhere).
  expire(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    getMeOrNull().then(
      (me) => {
        if (!cancelled) setState({ status: 'ready', me });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const signIn = useCallback((me: Me) => setState({ status: 'ready', me }), []);
  const expire = useCallback(() => setState({ status: 'ready', me: null }), []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch (error) {
      // 401 means there was no session left to end; anything else must be shown, because the
      // cookie may still be valid and the user believes they are logged out.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'ready', me: null });
  }, []);

  const switchTenant = useCallback(async (tenantId: string) => {
    const me = await api.switchTenant(tenantId);
    setState({ status: 'ready', me });
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ state, reload, signIn, signOut, switchTenant, expire }),
    [state, reload, signIn, signOut, switchTenant, expire],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
