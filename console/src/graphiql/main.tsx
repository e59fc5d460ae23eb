import 'graphiql/graphiql.css';
import './graphiql.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createSessionManager } from '../auth/session';
import { getAccessToken } from '../auth/tokens';

// GraphiQL against this server's /graphql, signed in as the console's user:
// the access token comes from the same HttpOnly refresh cookie, through
// POST /auth/refresh, and is refreshed while the page stays open.
const session = createSessionManager();

/** Tokens this page put in the headers editor; a request still carrying one
 * of them gets the current token instead, so an expired one never goes out. */
const issued = new Set<string>();

const bearer = (token: string) => `Bearer ${token}`;

export const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  for (const [name, value] of Object.entries(options?.headers ?? {})) headers[name] = String(value);
  const auth = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
  const current = getAccessToken();
  if (current && (!auth || issued.has((headers[auth] ?? '').replace(/^Bearer\s+/i, '')))) {
    if (auth) delete headers[auth];
    headers.Authorization = bearer(current);
  }
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: JSON.stringify(params),
  });
  return response.json();
};

function Playground() {
  const [ready, setReady] = useState<{ headers: string; signedIn: boolean } | null>(null);
  useEffect(() => {
    void session.restore().then((signedIn) => {
      const token = getAccessToken();
      if (token) issued.add(token);
      setReady({ headers: JSON.stringify(token ? { Authorization: bearer(token) } : {}, null, 2), signedIn });
    });
  }, []);
  if (!ready) return <p className="trellis-graphiql-note">Loading GraphiQL…</p>;
  return (
    <div className="trellis-graphiql">
      {!ready.signedIn && (
        <p className="trellis-graphiql-note" role="status">
          Not signed in: only public operations (signUp, signIn) work here. <a href="/signin">Sign in to the console</a>, then reload this page.
        </p>
      )}
      <GraphiQL fetcher={fetcher} defaultHeaders={ready.headers} shouldPersistHeaders={false} isHeadersEditorEnabled />
    </div>
  );
}

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Playground />
    </StrictMode>,
  );
}
