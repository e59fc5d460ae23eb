// Downloads an attachment. `GET /files/<id>` wants the same bearer token as
// `/graphql`, which a plain link cannot send: the bytes are fetched with it
// and handed to the browser as a download of an object URL.
import { session } from '../../auth/session';
import { getAccessToken } from '../../auth/tokens';
import type { FetchLike } from '../../auth/routes';
import { HttpRouteError } from '../../errors';

export interface DownloadDeps {
  fetch: FetchLike;
  accessToken: () => string | null;
  /** A new access token from the refresh cookie, or `null` when signed out. */
  refresh: () => Promise<string | null>;
  save: (blob: Blob, filename: string) => void;
}

/** The name a `Content-Disposition` header gives, RFC 6266's `filename*`
 * first; `null` when it gives none. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed encoding: try the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name || null;
}

async function refusal(response: Response): Promise<HttpRouteError> {
  let code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 404 ? 'NOT_FOUND' : 'INTERNAL_SERVER_ERROR';
  let message = `the server answered ${response.status}`;
  try {
    const parsed = (await response.json()) as { error?: { code?: string; message?: string } };
    if (parsed.error?.code) code = parsed.error.code;
    if (parsed.error?.message) message = parsed.error.message;
  } catch {
    // Not JSON: keep the status.
  }
  return new HttpRouteError(response.status, code, message);
}

/** Fetches the file and saves it under the name the server gives (or
 * `filename`). An expired token is refreshed once and the request sent again. */
export async function downloadFile(url: string, filename: string, deps: DownloadDeps = browserDeps): Promise<void> {
  const get = (token: string | null) =>
    deps.fetch(url, { credentials: 'same-origin', headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch((err: unknown) => {
      throw new HttpRouteError(0, 'NETWORK_ERROR', err instanceof Error ? err.message : String(err));
    });
  let response = await get(deps.accessToken());
  if (response.status === 401) {
    const token = await deps.refresh().catch(() => null);
    if (token) response = await get(token);
  }
  if (!response.ok) throw await refusal(response);
  const blob = await response.blob();
  deps.save(blob, filenameFromDisposition(response.headers.get('Content-Disposition')) ?? filename);
}

/** Hands the bytes to the browser's download through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download the browser has not started yet.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

const browserDeps: DownloadDeps = {
  fetch: (input, init) => fetch(input, init),
  accessToken: getAccessToken,
  refresh: () => session.refresh(),
  save: saveBlob,
};
