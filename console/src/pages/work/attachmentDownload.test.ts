import { describe, expect, it, vi } from 'vitest';
import { describeError } from '../../errors';
import { type DownloadDeps, downloadFile, filenameFromDisposition } from './attachmentDownload';

function deps(responses: Response[], overrides: Partial<DownloadDeps> = {}) {
  const sent: { url: string; authorization: string | undefined }[] = [];
  const saved: { text: Promise<string>; filename: string }[] = [];
  const all: DownloadDeps = {
    fetch: vi.fn(async (url: string, init?: RequestInit) => {
      sent.push({ url, authorization: (init?.headers as Record<string, string> | undefined)?.Authorization });
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      return next;
    }),
    accessToken: () => 'old-token',
    refresh: vi.fn(async () => 'new-token'),
    save: (blob, filename) => saved.push({ text: blob.text(), filename }),
    ...overrides,
  };
  return { all, sent, saved };
}

function file(body: string, disposition?: string) {
  return new Response(body, { status: 200, headers: disposition ? { 'Content-Disposition': disposition } : {} });
}

function refused(status: number, code: string, message: string) {
  return new Response(JSON.stringify({ error: { code, message } }), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('downloading an attachment', () => {
  it('sends the bearer token and saves the bytes under the server’s name', async () => {
    const { all, sent, saved } = deps([file('hello', "attachment; filename*=UTF-8''Q3%20report%20%C3%BC.txt")]);
    await downloadFile('/files/a1', 'fallback.txt', all);
    expect(sent).toEqual([{ url: '/files/a1', authorization: 'Bearer old-token' }]);
    expect(saved.map((s) => s.filename)).toEqual(['Q3 report ü.txt']);
    expect(await saved[0]?.text).toBe('hello');
  });

  it('refreshes an expired token once and asks again', async () => {
    const { all, sent, saved } = deps([refused(401, 'UNAUTHENTICATED', 'token expired'), file('hello')]);
    await downloadFile('/files/a1', 'notes.txt', all);
    expect(all.refresh).toHaveBeenCalledTimes(1);
    expect(sent.map((s) => s.authorization)).toEqual(['Bearer old-token', 'Bearer new-token']);
    expect(saved.map((s) => s.filename)).toEqual(['notes.txt']);
  });

  it('reports a second 401 instead of asking forever', async () => {
    const { all, sent } = deps([refused(401, 'UNAUTHENTICATED', 'token expired'), refused(401, 'UNAUTHENTICATED', 'token revoked')]);
    const error = await downloadFile('/files/a1', 'notes.txt', all).catch((e: unknown) => e);
    expect(sent).toHaveLength(2);
    expect(describeError(error)).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'token revoked' });
  });

  it('does not retry when the session cannot be refreshed', async () => {
    const { all, sent } = deps([refused(401, 'UNAUTHENTICATED', 'token expired')], { refresh: async () => null });
    const error = await downloadFile('/files/a1', 'notes.txt', all).catch((e: unknown) => e);
    expect(sent).toHaveLength(1);
    expect(describeError(error).code).toBe('UNAUTHENTICATED');
  });

  it('says the file is gone on 404, and names a failed connection', async () => {
    const gone = await downloadFile('/files/a1', 'notes.txt', deps([refused(404, 'NOT_FOUND', 'attachment not found')]).all).catch((e: unknown) => e);
    expect(describeError(gone)).toMatchObject({ code: 'NOT_FOUND', detail: 'attachment not found' });
    const offline = await downloadFile('/files/a1', 'notes.txt', deps([]).all).catch((e: unknown) => e);
    expect(describeError(offline).code).toBe('NETWORK_ERROR');
  });
});

describe('the name in Content-Disposition', () => {
  it('prefers filename*, falls back to filename, and is null without either', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''a%3Bb.pdf")).toBe('a;b.pdf');
    expect(filenameFromDisposition('attachment; filename="plain.txt"')).toBe('plain.txt');
    expect(filenameFromDisposition('attachment; filename=bare.csv')).toBe('bare.csv');
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});
