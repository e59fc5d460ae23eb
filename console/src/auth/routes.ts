// The console's session routes. The refresh token lives in an HttpOnly
// cookie that this code never reads; these routes set, rotate and clear it.
//
//   POST /auth/session  {"refreshToken": "..."} -> 200 {"accessToken","expiresAt"}
//   POST /auth/refresh  (no body)               -> 200 {"accessToken","expiresAt"}
//                                                  | 401 {"error":{"code","message"}}
//   POST /auth/signout  (no body)               -> 204
//
// Every call is a same-origin POST carrying `X-Trellis-Console: 1`.

export const CONSOLE_HEADER = 'X-Trellis-Console';

export interface IssuedToken {
  accessToken: string;
  expiresAt: string;
}

/** A refusal or failure of one of the session routes. */
export class AuthRouteError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'AuthRouteError';
    this.status = status;
    this.code = code;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

async function post(fetchImpl: FetchLike, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { [CONSOLE_HEADER]: '1', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetchImpl(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function failure(response: Response): Promise<AuthRouteError> {
  let code = response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR';
  let message = `the server answered ${response.status}`;
  try {
    const parsed = (await response.json()) as { error?: { code?: string; message?: string } };
    if (parsed.error?.code) code = parsed.error.code;
    if (parsed.error?.message) message = parsed.error.message;
  } catch {
    // Not JSON: keep the status.
  }
  if (response.status === 429) code = 'RATE_LIMITED';
  if (response.status === 503) code = 'SERVICE_UNAVAILABLE';
  return new AuthRouteError(response.status, code, message);
}

async function issued(response: Response): Promise<IssuedToken> {
  if (!response.ok) throw await failure(response);
  const parsed = (await response.json()) as Partial<IssuedToken>;
  if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'string') {
    throw new AuthRouteError(response.status, 'INTERNAL_SERVER_ERROR', 'the server sent no access token');
  }
  return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt };
}

/** Hands a just-issued refresh token to the server, which keeps (a rotation
 * of) it in the cookie and answers a fresh access token. */
export async function postSession(fetchImpl: FetchLike, refreshToken: string): Promise<IssuedToken> {
  return issued(await post(fetchImpl, '/auth/session', { refreshToken }));
}

/** A new access token from the cookie, or `null` when there is no valid
 * cookie (signed out). */
export async function postRefresh(fetchImpl: FetchLike): Promise<IssuedToken | null> {
  const response = await post(fetchImpl, '/auth/refresh');
  if (response.status === 401) return null;
  return issued(response);
}

/** Revokes the session server-side and clears the cookie. */
export async function postSignOut(fetchImpl: FetchLike): Promise<void> {
  const response = await post(fetchImpl, '/auth/signout');
  // 401: the session was already gone, which is what signing out wants.
  if (!response.ok && response.status !== 401) throw await failure(response);
}
