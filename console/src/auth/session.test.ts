import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionManager, REFRESH_AHEAD_MS } from './session';
import { CONSOLE_HEADER } from './routes';
import { getAccessToken, getSession, setSession } from './tokens';

/** A JWT-shaped token (unsigned: the console never verifies it). */
function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const noLock = <T,>(run: () => Promise<T>) => run();
const NOW = Date.parse('2030-01-01T12:00:00Z');
const inFifteenMinutes = new Date(NOW + 15 * 60_000).toISOString();

describe('session manager', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    setSession(null);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('restores the session from the cookie on page load', async () => {
    const token = jwt({ sub: 'u1', tid: 't1', sid: 's1', role: 'ADMIN', iat: 0, exp: 0 });
    const fetch = vi.fn().mockResolvedValue(json(200, { accessToken: token, expiresAt: inFifteenMinutes }));
    const manager = createSessionManager({ fetch, lock: noLock });

    await expect(manager.restore()).resolves.toBe(true);

    expect(fetch).toHaveBeenCalledTimes(1);
    const [path, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/auth/refresh');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)[CONSOLE_HEADER]).toBe('1');
    expect(init.body).toBeUndefined();
    expect(getAccessToken()).toBe(token);
    expect(getSession()?.claims).toMatchObject({ sub: 'u1', tid: 't1', role: 'ADMIN' });
    manager.dispose();
  });

  it('is signed out when the refresh route answers 401', async () => {
    const fetch = vi.fn().mockResolvedValue(json(401, { error: { code: 'UNAUTHENTICATED', message: 'no session' } }));
    const manager = createSessionManager({ fetch, lock: noLock });
    await expect(manager.restore()).resolves.toBe(false);
    expect(getSession()).toBeNull();
  });

  it('hands a new refresh token to /auth/session and keeps only the access token', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { accessToken: 'access-2', expiresAt: inFifteenMinutes }));
    const manager = createSessionManager({ fetch, lock: noLock });

    await manager.adopt('refresh-1');

    const [path, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/auth/session');
    expect(JSON.parse(init.body as string)).toEqual({ refreshToken: 'refresh-1' });
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect((init.headers as Record<string, string>)[CONSOLE_HEADER]).toBe('1');
    expect(getAccessToken()).toBe('access-2');
    expect(JSON.stringify(getSession())).not.toContain('refresh-1');
    expect(JSON.stringify(localStorage)).not.toContain('access-2');
    manager.dispose();
  });

  it('sends one refresh for concurrent callers (the cookie rotates on use)', async () => {
    let answer: (r: Response) => void = () => {};
    const fetch = vi.fn().mockReturnValue(new Promise<Response>((resolve) => (answer = resolve)));
    const manager = createSessionManager({ fetch, lock: noLock });

    const a = manager.refresh();
    const b = manager.refresh();
    answer(json(200, { accessToken: 'access-3', expiresAt: inFifteenMinutes }));

    await expect(Promise.all([a, b])).resolves.toEqual(['access-3', 'access-3']);
    expect(fetch).toHaveBeenCalledTimes(1);
    manager.dispose();
  });

  it('refreshes about a minute before the access token expires', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(200, { accessToken: 'first', expiresAt: inFifteenMinutes }))
      .mockResolvedValueOnce(json(200, { accessToken: 'second', expiresAt: new Date(NOW + 30 * 60_000).toISOString() }));
    const manager = createSessionManager({ fetch, lock: noLock });
    await manager.restore();

    await vi.advanceTimersByTimeAsync(15 * 60_000 - REFRESH_AHEAD_MS - 1_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(getAccessToken()).toBe('second');
    manager.dispose();
  });

  it('keeps a still-valid token when the server cannot be reached, and retries', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(200, { accessToken: 'first', expiresAt: inFifteenMinutes }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(200, { accessToken: 'second', expiresAt: inFifteenMinutes }));
    const manager = createSessionManager({ fetch, lock: noLock });
    await manager.restore();

    await expect(manager.refresh()).resolves.toBe('first');
    expect(getAccessToken()).toBe('first');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(getAccessToken()).toBe('second');
    manager.dispose();
  });

  it('signs out on the server and forgets the token', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(200, { accessToken: 'first', expiresAt: inFifteenMinutes }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    const manager = createSessionManager({ fetch, lock: noLock });
    await manager.restore();

    await manager.signOut();

    const [path, init] = fetch.mock.calls[1] as [string, RequestInit];
    expect(path).toBe('/auth/signout');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)[CONSOLE_HEADER]).toBe('1');
    expect(getSession()).toBeNull();
    // No refresh is left scheduled.
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('reports a refused adoption with the server code', async () => {
    const fetch = vi.fn().mockResolvedValue(json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }));
    const manager = createSessionManager({ fetch, lock: noLock });
    await expect(manager.adopt('r')).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429, message: 'slow down' });
    expect(getSession()).toBeNull();
  });
});
