import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '../../auth/tokens';
import { accessFor, mockClient, renderWith } from '../../test/render';
import { ItemAttachments } from './ItemAttachments';

const MIB = 1024 * 1024;

function attachment(id: string, filename: string, sizeBytes: number, contentType: string) {
  return {
    id,
    filename,
    contentType,
    sizeBytes,
    createdAt: '2030-01-01T10:00:00Z',
    downloadUrl: `/files/${id}`,
    uploadedBy: { id: 'user-grace', name: 'Grace', email: 'grace@acme.test' },
  };
}

const FILES = [attachment('a1', 'notes.txt', 1536, 'text/plain'), attachment('a2', 'plan.pdf', 3 * MIB, 'application/pdf')];

function refusal(code: string, message: string, extensions: Record<string, unknown> = {}) {
  return { error: new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })] }) };
}

function render(role: string, { files = FILES, maxAttachmentBytes = 10 * MIB, upload }: { files?: typeof FILES; maxAttachmentBytes?: number | null; upload?: () => unknown } = {}) {
  const { client, calls } = mockClient((name) => {
    if (name === 'ItemAttachments') {
      return { data: { item: { id: 'item-1', attachments: files }, tenant: { id: 'tenant-acme', limits: { maxAttachmentBytes } } } };
    }
    if (name === 'UploadAttachment') {
      return (upload?.() as ReturnType<typeof refusal> | undefined) ?? { data: { uploadAttachment: { attachment: { id: 'a3', filename: 'todo.md', sizeBytes: 12 } } } };
    }
    if (name === 'DeleteAttachment') return { data: { deleteAttachment: { deletedId: 'a1' } } };
    return undefined;
  });
  const { container } = renderWith(<ItemAttachments itemId="item-1" />, { client, access: accessFor(role) });
  const listCalls = () => calls.filter((c) => c.name === 'ItemAttachments').length;
  const fileInput = () => container.querySelector<HTMLInputElement>('input[type="file"]')!;
  return { calls, listCalls, fileInput };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

describe('an item’s attachments', () => {
  it('lists the files with their size, type and uploader, and lets a member delete one', async () => {
    const { calls, listCalls } = render('MEMBER');
    expect(await screen.findByRole('heading', { name: 'Attachments (2)' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Attachments' });
    const row = within(table).getByRole('row', { name: /notes\.txt/ });
    expect(row).toHaveTextContent('1.5 KiB');
    expect(row).toHaveTextContent('Text');
    expect(row).toHaveTextContent('Grace');
    expect(within(table).getByRole('row', { name: /plan\.pdf/ })).toHaveTextContent('3 MiB');
    expect(screen.getByRole('button', { name: 'Download notes.txt' })).toBeInTheDocument();
    expect(screen.getByText(/at most 10 MiB each/)).toBeInTheDocument();

    const before = listCalls();
    await userEvent.click(screen.getByRole('button', { name: 'Delete notes.txt' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(calls.find((c) => c.name === 'DeleteAttachment')?.variables).toEqual({ input: { id: 'a1' } });
    expect(await screen.findByRole('status')).toHaveTextContent('notes.txt was deleted.');
    expect(listCalls()).toBeGreaterThan(before);
  });

  it('uploads a chosen file as the mutation’s variable and lists the files again', async () => {
    const { calls, listCalls, fileInput } = render('MEMBER', { files: [] });
    expect(await screen.findByText('No files yet. Upload one with Upload a file below.')).toBeInTheDocument();
    const before = listCalls();
    const file = new File(['# To do\n- ship'], 'todo.md', { type: 'text/markdown' });
    await userEvent.upload(fileInput(), file);
    const sent = calls.find((c) => c.name === 'UploadAttachment')?.variables as { input: { itemId: string; file: File } };
    expect(sent.input.itemId).toBe('item-1');
    expect(sent.input.file).toBe(file);
    expect(await screen.findByRole('status')).toHaveTextContent('Uploaded todo.md (12 B).');
    expect(listCalls()).toBeGreaterThan(before);
  });

  it('does not send a file larger than the plan allows, and says what the limit is', async () => {
    const { calls, fileInput } = render('MEMBER', { maxAttachmentBytes: 10 });
    await screen.findByRole('heading', { name: 'Attachments (2)' });
    await userEvent.upload(fileInput(), new File(['eleven bytes'], 'big.txt'));
    expect(await screen.findByRole('alert')).toHaveTextContent("big.txt is 12 B; this tenant's plan allows files of at most 10 B.");
    expect(calls.some((c) => c.name === 'UploadAttachment')).toBe(false);
  });

  it('says why the server refused a file: its type, or the storage it would need', async () => {
    let answer = refusal('BAD_USER_INPUT', 'invalid input: file: is binary data of no known type, which is not accepted; accepted types: image/png', {
      fields: [{ field: 'input.file', message: 'is binary data of no known type, which is not accepted; accepted types: image/png' }],
    });
    const { fileInput } = render('MEMBER', { upload: () => answer });
    await screen.findByRole('heading', { name: 'Attachments (2)' });
    await userEvent.upload(fileInput(), new File([new Uint8Array([0x4d, 0x5a, 0, 1])], 'x.exe'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not upload x.exe');
    expect(alert).toHaveTextContent('x.exe is binary data of no known type, which is not accepted; accepted types: image/png.');

    answer = refusal('LIMIT_EXCEEDED', 'storage limit of 1073741824 reached for this plan', { limit: 'storage', max: 1024 * MIB });
    await userEvent.upload(fileInput(), new File(['more words'], 'more.txt'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent("This tenant's file storage is full: its plan allows 1 GiB of files in all."));
  });

  it('downloads with the access token and says so when the file is gone', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'attachment not found' } }), { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    setSession({ accessToken: 'the-access-token', expiresAt: '2099-01-01T00:00:00Z' });
    const { listCalls } = render('VIEWER');
    const button = await screen.findByRole('button', { name: 'Download plan.pdf' });
    const before = listCalls();
    await userEvent.click(button);
    expect(fetch).toHaveBeenCalledWith('/files/a2', { credentials: 'same-origin', headers: { Authorization: 'Bearer the-access-token' } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not download plan.pdf');
    expect(alert).toHaveTextContent('This no longer exists');
    expect(listCalls()).toBeGreaterThan(before);
  });

  it('offers a viewer nothing to change', async () => {
    render('VIEWER', { files: [] });
    expect(await screen.findByText('No files yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Upload a file' })).not.toBeInTheDocument();
    render('VIEWER');
    await screen.findByRole('button', { name: 'Download notes.txt' });
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  });
});
