import { Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, Fragment, useState } from 'react';
import { type TypedDocumentNode, useClient } from 'urql';
import { useAccess } from '../access';
import { StatusPanel } from '../components/StatusPanel';
import { JsonDiff } from '../components/JsonDiff';
import { PagedList } from '../components/PagedList';
import { formatTime } from '../format';
import { graphql } from '../gql';
import type { AuditLogFilter } from '../gql/graphql';
import { useListActions } from '../hooks/useListActions';
import { usePagedList } from '../hooks/usePagedList';

export const AuditLogDocument = graphql(`
  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          action
          actorId
          entityType
          entityId
          before
          after
          ip
          userAgent
          requestId
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const RestoreIntentFromAuditDocument = graphql(`
  mutation RestoreIntentFromAudit($id: ID!) {
    restoreIntent(input: { id: $id }) {
      intent {
        id
        name
      }
    }
  }
`);
const RestoreDatasourceFromAuditDocument = graphql(`
  mutation RestoreDatasourceFromAudit($id: ID!) {
    restoreDatasource(input: { id: $id }) {
      datasource {
        id
        name
      }
    }
  }
`);
const RestoreConfigFromAuditDocument = graphql(`
  mutation RestoreConfigFromAudit($id: ID!) {
    restoreDatasourceConfig(input: { id: $id }) {
      datasourceConfig {
        id
        name
      }
    }
  }
`);
const RestoreRoleFromAuditDocument = graphql(`
  mutation RestoreRoleFromAudit($id: ID!) {
    restoreRole(input: { id: $id }) {
      role {
        id
        name
      }
    }
  }
`);

type RestoreDoc = TypedDocumentNode<unknown, { id: string }>;

/** Deletions the console can undo from the log, and who may. */
const RESTORABLE: Record<string, { document: RestoreDoc; permission: string }> = {
  'intent.deleted': { document: RestoreIntentFromAuditDocument as RestoreDoc, permission: 'routing.manage' },
  'datasource.deleted': { document: RestoreDatasourceFromAuditDocument as RestoreDoc, permission: 'routing.manage' },
  'datasource_config.deleted': { document: RestoreConfigFromAuditDocument as RestoreDoc, permission: 'connections.manage' },
  'role.deleted': { document: RestoreRoleFromAuditDocument as RestoreDoc, permission: 'roles.manage' },
};

function clean(filter: AuditLogFilter): AuditLogFilter | null {
  const out: AuditLogFilter = {};
  if (filter.action?.trim()) out.action = filter.action.trim();
  if (filter.actorId?.trim()) out.actorId = filter.actorId.trim();
  if (filter.entityType?.trim()) out.entityType = filter.entityType.trim();
  return Object.keys(out).length > 0 ? out : null;
}

export function AuditLogPage() {
  const { can } = useAccess();
  const client = useClient();
  const [draft, setDraft] = useState<AuditLogFilter>({ action: '', actorId: '', entityType: '' });
  const [filter, setFilter] = useState<AuditLogFilter | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [restored, setRestored] = useState<string | null>(null);
  const list = usePagedList({ query: AuditLogDocument, variables: { filter }, connection: (data) => data.auditLog });
  const actions = useListActions({ onChanged: list.reload });

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter(clean(draft));
    list.reset();
  }

  function toggle(id: string) {
    setOpen((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function restore(action: string, entityId: string) {
    const restorable = RESTORABLE[action];
    if (!restorable) return;
    setRestored(null);
    const result = await actions.change(() => client.mutation(restorable.document, { id: entityId }).toPromise());
    if (result !== undefined) setRestored(`${action.split('.')[0]?.replace('_', ' ')} ${entityId} restored.`);
  }

  return (
    <Stack>
      <Title order={1}>Audit log</Title>
      <Paper withBorder p="md" component="form" onSubmit={apply} aria-label="Filter the audit log">
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Action" placeholder="member.invited" value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })} />
          <TextInput label="Actor id" value={draft.actorId ?? ''} onChange={(e) => setDraft({ ...draft, actorId: e.currentTarget.value })} />
          <TextInput label="Entity type" placeholder="intent" value={draft.entityType ?? ''} onChange={(e) => setDraft({ ...draft, entityType: e.currentTarget.value })} />
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft({ action: '', actorId: '', entityType: '' });
              setFilter(null);
              list.reset();
            }}
          >
            Clear
          </Button>
        </Group>
      </Paper>
      <PagedList
        list={list}
        label="Audit log"
        loadErrorTitle="Could not load the audit log"
        actions={actions}
        actionErrorTitle="Could not restore"
        notice={restored && <StatusPanel color="green">{restored}</StatusPanel>}
        empty={
          filter
            ? 'No entries match these filters. Change them and apply them again, or Clear them to see every entry.'
            : 'No audit entries yet. What people change in this tenant is recorded here.'
        }
      >
        {(entries) => (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Audit entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Entity</Table.Th>
                  <Table.Th scope="col">Actor</Table.Th>
                  <Table.Th scope="col">Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((node) => {
                  const expanded = open.has(node.id);
                  const restorable = RESTORABLE[node.action];
                  return (
                    <Fragment key={node.id}>
                      <Table.Tr>
                        <Table.Td>{formatTime(node.createdAt)}</Table.Td>
                        <Table.Td>
                          <Code>{node.action}</Code>
                        </Table.Td>
                        <Table.Td>
                          {node.entityType} <Text span size="xs" c="dimmed">{node.entityId}</Text>
                        </Table.Td>
                        <Table.Td>{node.actorId ?? 'system'}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              aria-expanded={expanded}
                              aria-controls={`audit-${node.id}`}
                              onClick={() => toggle(node.id)}
                            >
                              {expanded ? 'Hide changes' : 'Show changes'}
                            </Button>
                            {restorable && can(restorable.permission) && (
                              <Button size="xs" variant="light" onClick={() => restore(node.action, node.entityId)}>
                                Restore
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                      {expanded && (
                        <Table.Tr id={`audit-${node.id}`}>
                          <Table.Td colSpan={5}>
                            <JsonDiff before={node.before} after={node.after} caption={`Changes of ${node.action} at ${formatTime(node.createdAt)}`} />
                            <Text size="xs" c="dimmed" mt="xs">
                              IP {node.ip ?? '—'} · request {node.requestId ?? '—'} · {node.userAgent ?? 'no user agent'}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedList>
    </Stack>
  );
}
