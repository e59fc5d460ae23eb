// Development only: stands in for the server's console session routes
// (/auth/session, /auth/refresh, /auth/signout) while a server without
// them is used, by keeping the refresh token in an HttpOnly cookie of the
// Vite dev server and rotating it with the `refreshSession` mutation.
// Enabled by TRELLIS_AUTH_SHIM=1; never part of the build.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

const COOKIE = 'trellis_dev_refresh';

const REFRESH = `mutation ($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken refreshToken expiresAt } }`;

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function cookie(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  const found = header.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  return found ? decodeURIComponent(found.slice(COOKIE.length + 1)) : null;
}

function send(res: ServerResponse, status: number, payload?: unknown, refresh?: string | null) {
  if (refresh !== undefined) {
    res.setHeader(
      'Set-Cookie',
      refresh === null
        ? `${COOKIE}=; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=0`
        : `${COOKIE}=${encodeURIComponent(refresh)}; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=2592000`,
    );
  }
  res.statusCode = status;
  if (payload === undefined) return res.end();
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(payload));
}

export function authShim(api: string): Plugin {
  async function rotate(token: string) {
    const response = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: REFRESH, variables: { t: token } }),
    });
    const json = (await response.json()) as {
      data?: { refreshSession: { accessToken: string; refreshToken: string; expiresAt: string } };
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    return json;
  }

  return {
    name: 'trellis-dev-auth-shim',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (req.method !== 'POST' || !req.url?.startsWith('/auth/')) return next();
        if (req.headers['x-trellis-console'] !== '1') return send(res, 403, { error: { code: 'FORBIDDEN', message: 'missing X-Trellis-Console' } });
        const path = req.url.split('?')[0];
        try {
          if (path === '/auth/signout') return send(res, 204, undefined, null);
          const token = path === '/auth/session' ? (JSON.parse((await body(req)) || '{}') as { refreshToken?: string }).refreshToken : cookie(req);
          if (!token || (path !== '/auth/session' && path !== '/auth/refresh')) {
            return send(res, 401, { error: { code: 'UNAUTHENTICATED', message: 'no session' } }, null);
          }
          const json = await rotate(token);
          const pair = json.data?.refreshSession;
          if (!pair) {
            const error = json.errors?.[0];
            return send(res, 401, { error: { code: error?.extensions?.code ?? 'UNAUTHENTICATED', message: error?.message ?? 'refused' } }, null);
          }
          return send(res, 200, { accessToken: pair.accessToken, expiresAt: pair.expiresAt }, pair.refreshToken);
        } catch (err) {
          return send(res, 502, { error: { code: 'SERVICE_UNAVAILABLE', message: String(err) } });
        }
      });
    },
  };
}
