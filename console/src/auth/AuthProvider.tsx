import { createContext, type ReactNode, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { session as defaultSession, type SessionManager } from './session';
import { getSession, type Session, subscribe } from './tokens';

export interface AuthContextValue {
  /** `restoring` until the page-load refresh has answered. */
  status: 'restoring' | 'ready';
  session: Session | null;
  manager: SessionManager;
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
  const [status, setStatus] = useState<'restoring' | 'ready'>(restore ? 'restoring' : 'ready');

  useEffect(() => {
    if (!restore) return;
    let live = true;
    void manager.restore().finally(() => {
      if (live) setStatus('ready');
    });
    return () => {
      live = false;
    };
  }, [manager, restore]);

  const value = useMemo(() => ({ status, session: current, manager }), [status, current, manager]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
