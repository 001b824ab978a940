import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Action } from '../../domain/permissions';
import type { SessionView } from '../../server/auth/present-session';
import { api, onSignedOut, setCsrfToken } from './client';

interface Session {
  /** Undefined while the first answer is awaited. */
  view: SessionView | undefined;
  /** The session ended while the user was working: sign in again over the page. */
  expired: boolean;
  can: (action: Action) => boolean;
  refresh: () => Promise<SessionView>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<SessionView>();
  const [expired, setExpired] = useState(false);
  const queryClient = useQueryClient();

  // One request at a time: two at once would each start a pre-session (a cookie and its CSRF
  // token), and the token kept could belong to the cookie the browser did not keep.
  const inFlight = useRef<Promise<SessionView> | null>(null);
  const refresh = useCallback(() => {
    inFlight.current ??= (async () => {
      try {
        const next = await (await api.auth.session.$get()).json();
        setCsrfToken(next.csrfToken);
        setView(next);
        if (next.user) setExpired(false);
        return next;
      } finally {
        inFlight.current = null;
      }
    })();
    return inFlight.current;
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Set by signing out on purpose, until the next sign-in: a request still on its way then is
  // refused as signed out, which is no expiry to sign in again over (the page went to /sign-in).
  const leaving = useRef(false);
  useEffect(() => {
    if (view?.user) leaving.current = false;
  }, [view?.user]);

  useEffect(
    () =>
      onSignedOut(() => {
        if (leaving.current) return;
        // Keep the page (and what was typed on it); ask for a new sign-in on top of it.
        setExpired((wasExpired) => wasExpired || view?.user != null);
        void refresh();
      }),
    [refresh, view?.user],
  );

  const signOut = useCallback(async () => {
    leaving.current = true;
    const result = await (await api.auth['sign-out'].$post()).json();
    setCsrfToken(result.csrfToken);
    queryClient.clear();
    setExpired(false);
    await refresh();
  }, [queryClient, refresh]);

  const value = useMemo<Session>(
    () => ({
      view,
      expired,
      can: (action) => view?.permissions.includes(action) ?? false,
      refresh,
      signOut,
    }),
    [view, expired, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
