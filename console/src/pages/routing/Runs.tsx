import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAccess } from '../../access';
import { DecisionView, OutcomeBadge } from '../../components/DecisionView';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { formatMs, formatTime } from '../../format';
import { graphql } from '../../gql';
import type { DecisionOutcome, RoutingRunFilter } from '../../gql/graphql';
import { truncatedNote, useAllPages } from '../../hooks/useAllPages';
import { usePagedList } from '../../hooks/usePagedList';
import { IntentChoicesDocument } from './RouteEmail';

export const RoutingRunsDocument = graphql(`
  query RoutingRuns($first: Int, $after: String, $filter: RoutingRunFilter) {
    routingRuns(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          outcome
          intentId
          intentName
          mode
          durationMs
          createdAt
          matchedBy {
            field
            header
            operator
            value
          }
          email {
            from
            subject
            messageId
          }
          results {
            ruleId
            ruleType
            fieldName
            outcome
            detail
            durationMs
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const OUTCOMES: DecisionOutcome[] = ['PASSED', 'FAILED', 'ERROR', 'NO_MATCH'];

/** `2024-05-01T10:30` (a datetime-local value, in local time) → RFC 3339. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function RoutingRunsPage() {
  const { can } = useAccess();
  const [intentId, setIntentId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [filter, setFilter] = useState<RoutingRunFilter | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const intents = useAllPages({ query: IntentChoicesDocument, connection: (data) => data.intents });
  const list = usePagedList({ query: RoutingRunsDocument, variables: { filter }, connection: (data) => data.routingRuns });

  function apply(event: FormEvent) {
    event.preventDefault();
    const next: RoutingRunFilter = {};
    if (intentId) next.intentId = intentId;
    if (outcome) next.outcome = outcome as DecisionOutcome;
    const s = localToIso(since);
    const u = localToIso(until);
    if (s) next.since = s;
    if (u) next.until = u;
    setFilter(Object.keys(next).length > 0 ? next : null);
    list.reset();
  }

  return (
    <Stack>
      <Title order={1}>Routing runs</Title>
      <ErrorAlert error={intents.error} title="Could not load the intents to filter by" />
      <Paper withBorder p="md" component="form" onSubmit={apply} aria-label="Filter routing runs">
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Intent"
            placeholder="Any intent"
            clearable
            description={truncatedNote(intents.truncated, 'intents')}
            data={(intents.nodes ?? []).map((node) => ({ value: node.id, label: node.name }))}
            value={intentId}
            onChange={setIntentId}
          />
          <Select label="Outcome" placeholder="Any outcome" clearable data={OUTCOMES} value={outcome} onChange={setOutcome} />
          <TextInput label="Since" type="datetime-local" value={since} onChange={(e) => setSince(e.currentTarget.value)} />
          <TextInput label="Until" type="datetime-local" value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
          <Button type="submit">Apply filters</Button>
        </Group>
      </Paper>
      <PagedList
        list={list}
        label="Routing runs"
        loadErrorTitle="Could not load the routing runs"
        empty={
          filter ? (
            'No routing runs match these filters. Change or empty them, then apply them again.'
          ) : can('emails.route') ? (
            <>
              No emails routed yet; each one leaves a run here.{' '}
              <Anchor component={Link} to="/routing/route">
                Route an email
              </Anchor>{' '}
              to see one.
            </>
          ) : (
            'No emails routed yet; each one leaves a run here.'
          )
        }
      >
        {(runs) => (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Routing runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Outcome</Table.Th>
                  <Table.Th scope="col">Intent</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Time</Table.Th>
                  <Table.Th scope="col">Rules</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.map((node) => {
                  const expanded = open === node.id;
                  return (
                    <Fragment key={node.id}>
                      <Table.Tr>
                        <Table.Td>{formatTime(node.createdAt)}</Table.Td>
                        <Table.Td>
                          <OutcomeBadge outcome={node.outcome} />
                        </Table.Td>
                        <Table.Td>{node.intentName ?? '—'}</Table.Td>
                        <Table.Td>
                          {node.email.from}
                          <Text size="xs" c="dimmed">
                            {node.email.subject}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatMs(node.durationMs)}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="default" aria-expanded={expanded} aria-controls={`run-${node.id}`} onClick={() => setOpen(expanded ? null : node.id)}>
                            {expanded ? 'Hide rule results' : `Show ${node.results.length} rule result(s)`}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                      {expanded && (
                        <Table.Tr id={`run-${node.id}`}>
                          <Table.Td colSpan={6}>
                            <DecisionView decision={node} />
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
