import { Badge, Code, Table, Text } from '@mantine/core';
import { type ChangeKind, diffJson, stableJson } from '../diff';
import classes from './JsonDiff.module.css';

const LABEL: Record<ChangeKind, string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  unchanged: 'same',
};

const COLOR: Record<ChangeKind, string> = {
  added: 'green',
  removed: 'red',
  changed: 'yellow',
  unchanged: 'gray',
};

function Value({ present, value }: { present: boolean; value: unknown }) {
  if (!present) return <Text size="xs" c="dimmed">(none)</Text>;
  return (
    <Code block className={classes.value}>
      {stableJson(value)}
    </Code>
  );
}

/** An audit entry's before and after side by side, changed keys marked. */
export function JsonDiff({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const rows = diffJson(before, after);
  if (rows.length === 0) return <Text size="sm">No recorded fields.</Text>;
  return (
    <Table className={classes.table} withTableBorder withColumnBorders layout="fixed" aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="22%">Field</Table.Th>
          <Table.Th scope="col">Before</Table.Th>
          <Table.Th scope="col">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-change={row.kind} className={classes[row.kind]}>
            <Table.Th scope="row">
              <Text size="sm" fw={row.kind === 'unchanged' ? 400 : 700} component="span">
                {row.key}
              </Text>{' '}
              <Badge size="xs" color={COLOR[row.kind]} variant={row.kind === 'unchanged' ? 'outline' : 'light'}>
                {LABEL[row.kind]}
              </Badge>
            </Table.Th>
            <Table.Td>
              <Value present={row.kind !== 'added'} value={row.before} />
            </Table.Td>
            <Table.Td>
              <Value present={row.kind !== 'removed'} value={row.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
