import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { session as defaultSession, type SessionManager } from './session';
import { getSession, type Session, subscribe } from './tokens';

export interface AuthContextValue {
  /** `restoring` until the page-load refresh has answered; `unreachable`
   * when it failed otherwise than with "no session" (the server could not
   * be reached, or failed): signing in would fail the same way. */
  status: 'restoring' | 'ready' | 'unreachable';
  session: Session | null;
  manager: SessionManager;
  /** Why the page-load refresh failed, when `status` is `unreachable`. */
  restoreError: unknown;
  /** Runs the page-load refresh again. */
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({
  children,
  manager = defaultSession,
  restore = true,
}: {
  children: ReactNode;
  manager?: SessionManager;
  /** Tests pass `false` and set the session themselves. */
  restore?: boolean;
}) {
  const current = useSyncExternalStore(subscribe, getSession, getSession);
  const [status, setStatus] = useState<AuthContextValue['status']>(restore ? 'restoring' : 'ready');
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!restore) return;
    let live = true;
    setStatus('restoring');
    // `refresh` rather than `restore`: a missing cookie (signed out) and a
    // server that cannot be reached must look different.
    manager.refresh().then(
      () => {
        if (!live) return;
        setRestoreError(null);
        setStatus('ready');
      },
      (err: unknown) => {
        if (!live) return;
        setRestoreError(err);
        setStatus('unreachable');
      },
    );
    return () => {
      live = false;
    };
  }, [manager, restore, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(
    () => ({ status, session: current, manager, restoreError, retry }),
    [status, current, manager, restoreError, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
