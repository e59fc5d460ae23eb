import { Alert, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAccess } from '../../access';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusPanel } from '../../components/StatusPanel';
import { describeError } from '../../errors';
import { formatBytes, formatTime } from '../../format';
import { downloadFile } from './attachmentDownload';
import { type AttachmentNode, DeleteAttachmentDocument, ItemAttachmentsDocument, UploadAttachmentDocument } from './AttachmentsOperations';
import { ItemSection } from './ItemSection';
import { timeAgo } from './timeline';

// The server names what it found by MIME type; people know the names.
const TYPE_NAMES: Record<string, string> = {
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'application/pdf': 'PDF',
  'application/zip': 'ZIP archive',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'text/markdown': 'Markdown',
  'application/json': 'JSON',
};

const ACCEPTED = 'PNG, JPEG, GIF or WebP images, PDF, ZIP, Word, Excel or PowerPoint files, and UTF-8 text, CSV, Markdown or JSON';

/** Why a file was not uploaded: a local size check, or the server's answer. */
type UploadProblem = { filename: string } & ({ tooLarge: string } | { error: unknown });

function UploadProblemAlert({ problem }: { problem: UploadProblem }) {
  const title = `Could not upload ${problem.filename}`;
  if ('tooLarge' in problem) {
    return (
      <Alert color="red" variant="light" role="alert" title={title}>
        <Text size="sm">{problem.tooLarge}</Text>
      </Alert>
    );
  }
  // A refused type is a sentence about the file, not a form field to correct.
  const refused = describeError(problem.error).fields.file;
  if (refused) {
    return (
      <Alert color="red" variant="light" role="alert" title={title}>
        <Text size="sm">
          {problem.filename} {refused}.
        </Text>
      </Alert>
    );
  }
  return <ErrorAlert error={problem.error} title={title} />;
}

function UploadControl({
  itemId,
  maxBytes,
  onStart,
  onUploaded,
}: {
  itemId: string;
  maxBytes: number | null;
  onStart: () => void;
  onUploaded: (notice: string) => void;
}) {
  const [{ fetching }, upload] = useMutation(UploadAttachmentDocument);
  const [sending, setSending] = useState<File | null>(null);
  const [problem, setProblem] = useState<UploadProblem | null>(null);
  const resetRef = useRef<() => void>(null);

  async function send(file: File | null) {
    // Cleared so that choosing the same file again still uploads it.
    resetRef.current?.();
    if (!file) return;
    setProblem(null);
    onStart();
    // Checked here too so that a file the plan refuses is not sent at all.
    if (maxBytes !== null && file.size > maxBytes) {
      setProblem({ filename: file.name, tooLarge: `${file.name} is ${formatBytes(file.size)}; this tenant's plan allows files of at most ${formatBytes(maxBytes)}.` });
      return;
    }
    setSending(file);
    const result = await upload({ input: { itemId, file } });
    setSending(null);
    const stored = result.data?.uploadAttachment.attachment;
    if (result.error || !stored) setProblem({ filename: file.name, error: result.error });
    else onUploaded(`Uploaded ${stored.filename} (${formatBytes(stored.sizeBytes)}).`);
  }

  return (
    <Stack gap="xs">
      <Group gap="sm">
        <FileButton onChange={send} resetRef={resetRef}>
          {(props) => (
            <Button {...props} variant="default" loading={fetching}>
              Upload a file
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {ACCEPTED}
          {maxBytes !== null ? `; at most ${formatBytes(maxBytes)} each.` : '.'}
        </Text>
      </Group>
      {sending && (
        <Text size="sm" role="status">
          Uploading {sending.name} ({formatBytes(sending.size)})…
        </Text>
      )}
      {problem && <UploadProblemAlert problem={problem} />}
    </Stack>
  );
}

function AttachmentTable({
  attachments,
  canDelete,
  onStart,
  onChanged,
}: {
  attachments: AttachmentNode[];
  canDelete: boolean;
  onStart: () => void;
  onChanged: (notice: string | null) => void;
}) {
  const [downloading, setDownloading] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: unknown } | null>(null);
  const [, deleteAttachment] = useMutation(DeleteAttachmentDocument);

  async function download(attachment: AttachmentNode) {
    setFailure(null);
    onStart();
    setDownloading(attachment.id);
    try {
      await downloadFile(attachment.downloadUrl, attachment.filename);
    } catch (error) {
      setFailure({ title: `Could not download ${attachment.filename}`, error });
      // A file that is gone should leave the list too.
      if (describeError(error).code === 'NOT_FOUND') onChanged(null);
    } finally {
      setDownloading(null);
    }
  }

  async function remove(attachment: AttachmentNode) {
    setFailure(null);
    onStart();
    const result = await deleteAttachment({ input: { id: attachment.id } });
    if (result.error) {
      setFailure({ title: `Could not delete ${attachment.filename}`, error: result.error });
      if (describeError(result.error).code === 'NOT_FOUND') onChanged(null);
    } else {
      onChanged(`${attachment.filename} was deleted.`);
    }
  }

  return (
    <Stack gap="xs">
      <ErrorAlert error={failure?.error} title={failure?.title} />
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Attachments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">File</Table.Th>
              <Table.Th scope="col">Size</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col">Uploaded by</Table.Th>
              <Table.Th scope="col">Uploaded</Table.Th>
              {canDelete && <Table.Th scope="col">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attachments.map((attachment) => (
              <Table.Tr key={attachment.id}>
                <Table.Th scope="row" fw="normal">
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    loading={downloading === attachment.id}
                    onClick={() => download(attachment)}
                    aria-label={`Download ${attachment.filename}`}
                    styles={{ label: { whiteSpace: 'normal', wordBreak: 'break-all', textAlign: 'left' } }}
                  >
                    {attachment.filename}
                  </Button>
                </Table.Th>
                <Table.Td>{formatBytes(attachment.sizeBytes)}</Table.Td>
                <Table.Td>
                  <span title={attachment.contentType}>{TYPE_NAMES[attachment.contentType] ?? attachment.contentType}</span>
                </Table.Td>
                <Table.Td>{attachment.uploadedBy?.name ?? 'A former member'}</Table.Td>
                <Table.Td>
                  <time dateTime={attachment.createdAt} title={formatTime(attachment.createdAt)}>
                    {timeAgo(attachment.createdAt)}
                  </time>
                </Table.Td>
                {canDelete && (
                  <Table.Td>
                    <ConfirmButton size="compact-xs" question={`Delete ${attachment.filename}?`} aria-label={`Delete ${attachment.filename}`} onConfirm={() => remove(attachment)}>
                      Delete
                    </ConfirmButton>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The files of an item, oldest first: download for everyone, upload and
 * delete for those who may change the item. */
export function ItemAttachments({ itemId }: { itemId: string }) {
  const { can } = useAccess();
  const canUpdate = can('items.update');
  const [{ data, error, fetching }, refetch] = useQuery({ query: ItemAttachmentsDocument, variables: { id: itemId } });
  const [notice, setNotice] = useState<string | null>(null);
  const attachments = data?.item.attachments;
  // A notice is about the last action only: the next one clears it.
  const clearNotice = () => setNotice(null);
  const changed = (next: string | null) => {
    setNotice(next);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <ItemSection title={attachments ? `Attachments (${attachments.length})` : 'Attachments'}>
      <Stack gap="sm">
        <ErrorAlert error={error} title="Could not load the attachments" />
        {notice && (
          <StatusPanel color="green">
            <Text size="sm">{notice}</Text>
          </StatusPanel>
        )}
        {!attachments ? (
          fetching && <Text size="sm">Loading the attachments…</Text>
        ) : attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {canUpdate ? 'No files yet. Upload one with Upload a file below.' : 'No files yet.'}
          </Text>
        ) : (
          <AttachmentTable attachments={attachments} canDelete={canUpdate} onStart={clearNotice} onChanged={changed} />
        )}
        {canUpdate && data && <UploadControl itemId={itemId} maxBytes={data.tenant.limits.maxAttachmentBytes ?? null} onStart={clearNotice} onUploaded={changed} />}
      </Stack>
    </ItemSection>
  );
}
