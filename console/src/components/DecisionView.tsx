import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { formatMs, formatTime } from '../format';
import type { DecisionOutcome, RuleOutcome, RuleType } from '../gql/graphql';

export interface DecisionLike {
  id: string;
  outcome: DecisionOutcome;
  intentName?: string | null;
  mode: string;
  durationMs: number;
  createdAt: string;
  matchedBy?: { field: string; header?: string | null; operator: string; value: string } | null;
  email: { from: string; subject: string; messageId?: string | null };
  results: { ruleId: string; ruleType: RuleType; fieldName: string; outcome: RuleOutcome; detail: string; durationMs: number }[];
}

const OUTCOME_COLOR: Record<string, string> = {
  PASSED: 'green',
  FAILED: 'red',
  ERROR: 'orange',
  NO_MATCH: 'gray',
  SKIPPED: 'gray',
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <Badge color={OUTCOME_COLOR[outcome] ?? 'gray'} variant="light">
      {outcome.replace('_', ' ')}
    </Badge>
  );
}

/** A routing decision and what each rule found. */
export function DecisionView({ decision }: { decision: DecisionLike }) {
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Text fw={700}>Outcome:</Text>
        <OutcomeBadge outcome={decision.outcome} />
        <Text size="sm">
          {decision.intentName ? `Intent: ${decision.intentName}` : 'No intent matched'} · {formatMs(decision.durationMs)} · {decision.mode}
        </Text>
      </Group>
      {decision.matchedBy && (
        <Text size="sm">
          Matched by {decision.matchedBy.field}
          {decision.matchedBy.header ? ` (${decision.matchedBy.header})` : ''} {decision.matchedBy.operator} “{decision.matchedBy.value}”
        </Text>
      )}
      <Text size="sm" c="dimmed">
        From {decision.email.from} · “{decision.email.subject}” · {formatTime(decision.createdAt)}
      </Text>
      {decision.results.length > 0 ? (
        <Table withTableBorder aria-label="Rule results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">Rule</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Detail</Table.Th>
              <Table.Th scope="col">Time</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decision.results.map((r, i) => (
              <Table.Tr key={`${r.ruleId}-${i}`}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  {r.ruleType} on <code>{r.fieldName}</code>
                </Table.Td>
                <Table.Td>
                  <OutcomeBadge outcome={r.outcome} />
                </Table.Td>
                <Table.Td>{r.detail}</Table.Td>
                <Table.Td>{formatMs(r.durationMs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">No rule ran.</Text>
      )}
    </Stack>
  );
}
