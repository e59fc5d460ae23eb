import { getSession, setSession } from './tokens';
import { type FetchLike, type IssuedToken, postRefresh, postSession, postSignOut } from './routes';

/** Refresh this long before the access token expires. */
export const REFRESH_AHEAD_MS = 60_000;
/** After a network failure, try refreshing again this much later. */
export const RETRY_MS = 15_000;

export interface SessionManagerOptions {
  fetch?: FetchLike;
  now?: () => number;
  /** Serialises refreshes across tabs (the cookie rotates on every use). */
  lock?: <T>(run: () => Promise<T>) => Promise<T>;
}

export interface SessionManager {
  /** On page load: restores the session from the cookie. */
  restore(): Promise<boolean>;
  /** A new access token from the cookie; one request at a time. `null`
   * (and signed out) when the cookie is missing or no longer valid. */
  refresh(): Promise<string | null>;
  /** Adopts the refresh token signUp/signIn/switchTenant just returned. */
  adopt(refreshToken: string): Promise<void>;
  /** Ends the session on the server and forgets the access token. */
  signOut(): Promise<void>;
  /** Stops the refresh timer (tests, hot reload). */
  dispose(): void;
}

function browserLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks?.request) return locks.request('trellis-console-refresh', run) as Promise<T>;
  return run();
}

export function createSessionManager(options: SessionManagerOptions = {}): SessionManager {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const lock = options.lock ?? browserLock;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<string | null> | null = null;

  function cancelTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function schedule(expiresAt: string) {
    cancelTimer();
    const due = Date.parse(expiresAt) - REFRESH_AHEAD_MS - now();
    timer = setTimeout(() => {
      void refresh();
    }, Math.max(due, 1_000));
  }

  function accept(token: IssuedToken) {
    setSession(token);
    schedule(token.expiresAt);
  }

  function refresh(): Promise<string | null> {
    if (inFlight) return inFlight;
    const attempt = lock(() => postRefresh(fetchImpl))
      .then(
        (token) => {
          if (!token) {
            cancelTimer();
            setSession(null);
            return null;
          }
          accept(token);
          return token.accessToken;
        },
        (err: unknown) => {
          // The server could not be reached or failed: keep what we have
          // while it is still valid, and try again a little later.
          const session = getSession();
          if (session && Date.parse(session.expiresAt) > now()) {
            cancelTimer();
            timer = setTimeout(() => {
              void refresh();
            }, RETRY_MS);
            return session.accessToken;
          }
          throw err;
        },
      )
      .finally(() => {
        inFlight = null;
      });
    inFlight = attempt;
    return attempt;
  }

  return {
    async restore() {
      try {
        return (await refresh()) !== null;
      } catch {
        return false;
      }
    },
    refresh,
    async adopt(refreshToken: string) {
      const token = await lock(() => postSession(fetchImpl, refreshToken));
      accept(token);
    },
    async signOut() {
      cancelTimer();
      try {
        await postSignOut(fetchImpl);
      } finally {
        setSession(null);
      }
    },
    dispose: cancelTimer,
  };
}

/** The console's one session. */
export const session = createSessionManager();
