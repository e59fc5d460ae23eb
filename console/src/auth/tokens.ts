// The access token lives here, in memory only: never in localStorage or
// sessionStorage, so a reload forgets it and `/auth/refresh` restores it
// from the HttpOnly refresh cookie.

/** The claims of a Trellis access token, for display only (the server
 * re-checks the membership on every request). */
export interface AccessClaims {
  /** The user's id. */
  sub: string;
  /** The selected tenant, absent until one is chosen. */
  tid?: string;
  /** The session's id. */
  sid: string;
  /** The role in `tid` when the token was issued. */
  role?: string;
  iat: number;
  exp: number;
}

export interface Session {
  accessToken: string;
  /** RFC 3339, as the server sends it. */
  expiresAt: string;
  claims: AccessClaims | null;
}

type Listener = () => void;

let current: Session | null = null;
const listeners = new Set<Listener>();

export function getSession(): Session | null {
  return current;
}

export function getAccessToken(): string | null {
  return current?.accessToken ?? null;
}

export function setSession(next: { accessToken: string; expiresAt: string } | null): void {
  current = next ? { ...next, claims: decodeClaims(next.accessToken) } : null;
  for (const listener of [...listeners]) listener();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Reads a JWT's payload without verifying it (the server does that). */
export function decodeClaims(token: string): AccessClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (parsed && typeof parsed === 'object' && 'sub' in parsed) return parsed as AccessClaims;
    return null;
  } catch {
    return null;
  }
}
