import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useAccess } from '../../access';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { formatTime } from '../../format';
import { useListActions } from '../../hooks/useListActions';
import { usePagedList } from '../../hooks/usePagedList';
import { AddCommentDocument, type CommentNode, DeleteCommentDocument, EditCommentDocument, ItemCommentsDocument } from './CommentsOperations';
import { timeAgo } from './timeline';

function CommentEditor({ comment, onDone }: { comment: CommentNode; onDone: () => void }) {
  const [body, setBody] = useState(comment.body);
  const [{ fetching, error }, editComment] = useMutation(EditCommentDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await editComment({ input: { id: comment.id, body } });
    if (!result.error) onDone();
  }
  return (
    <form onSubmit={submit} aria-label="Edit your comment">
      <Stack gap="xs">
        <ErrorAlert error={error} title="Could not save the comment" />
        <Textarea label="Your comment" autosize minRows={2} maxLength={10000} required value={body} onChange={(e) => setBody(e.currentTarget.value)} autoFocus />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={fetching}>
            Save comment
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The item's comments, oldest first, with a form to add one. */
export function ItemComments({ itemId }: { itemId: string }) {
  const { can, me } = useAccess();
  const list = usePagedList({ query: ItemCommentsDocument, variables: { id: itemId }, connection: (data) => data.item.comments });
  const [body, setBody] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [addState, addComment] = useMutation(AddCommentDocument);
  const [, deleteComment] = useMutation(DeleteCommentDocument);
  // The API has no restoreComment: a deletion is final, so none is offered.
  const actions = useListActions({ onChanged: list.reload });
  const canWrite = can('comments.write');
  const canModerate = can('comments.moderate');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    const result = await addComment({ input: { itemId, body } });
    if (!result.error) {
      setBody('');
      list.reload();
    }
  }

  return (
    <Stack gap="sm">
      <PagedList
        list={list}
        label="Comments"
        loadErrorTitle="Could not load the comments"
        actions={actions}
        deletedMessage={() => 'The comment was deleted.'}
        empty={canWrite ? 'No comments yet. Start the conversation below.' : 'No comments yet.'}
      >
        {(comments) => (
          <Stack component="ol" gap="xs" p={0} m={0} aria-label="Comments">
            {comments.map((comment) => {
              const own = !!me && comment.author?.id === me.id;
              const author = comment.author?.name ?? 'A former member';
              return (
                <Paper component="li" key={comment.id} withBorder p="sm" style={{ listStyle: 'none' }}>
                  <Text size="xs" c="dimmed" mb={4}>
                    {author} ·{' '}
                    <time dateTime={comment.createdAt} title={formatTime(comment.createdAt)}>
                      {timeAgo(comment.createdAt)}
                    </time>
                    {comment.editedAt && ` · edited ${timeAgo(comment.editedAt)}`}
                  </Text>
                  {editing === comment.id ? (
                    <CommentEditor
                      comment={comment}
                      onDone={() => {
                        setEditing(null);
                        list.reload();
                      }}
                    />
                  ) : (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                      {comment.body}
                    </Text>
                  )}
                  {editing !== comment.id && (own || canModerate) && (
                    <Group gap={4} mt={4}>
                      {own && canWrite && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(comment.id)} aria-label={`Edit your comment from ${formatTime(comment.createdAt)}`}>
                          Edit
                        </Button>
                      )}
                      {((own && canWrite) || canModerate) && (
                        <ConfirmButton
                          size="compact-xs"
                          question="Delete this comment?"
                          aria-label={`Delete the comment by ${author} from ${formatTime(comment.createdAt)}`}
                          onConfirm={() => actions.remove({ id: comment.id, name: 'the comment' }, () => deleteComment({ input: { id: comment.id } }))}
                        >
                          Delete
                        </ConfirmButton>
                      )}
                    </Group>
                  )}
                </Paper>
              );
            })}
          </Stack>
        )}
      </PagedList>
      {canWrite && (
        <form onSubmit={submit} aria-label="New comment">
          <Stack gap="xs">
            <ErrorAlert error={addState.error} title="Could not add the comment" />
            <Textarea label="Add a comment" autosize minRows={2} maxLength={10000} required value={body} onChange={(e) => setBody(e.currentTarget.value)} />
            <Group>
              <Button type="submit" loading={addState.fetching}>
                Comment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
