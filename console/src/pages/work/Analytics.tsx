import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ItemAnalyticsDocument } from './AnalyticsOperations';
import { useWorkLookups } from './useWorkLookups';
import { formatDate, PRIORITY_LABELS, STATUS_LABELS } from './workLabels';

interface Figure {
  label: string;
  value: number;
}

function FiguresTable({ title, figures, long }: { title: string; figures: Figure[]; long: boolean }) {
  const label = `${title}, figures`;
  if (long) {
    // Many figures read better down a column than across the page.
    return (
      <Table mt="sm" striped aria-label={label} maw={360}>
        <Table.Tbody>
          {figures.map((f) => (
            <Table.Tr key={f.label}>
              <Table.Th scope="row">{f.label}</Table.Th>
              <Table.Td>{f.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Table mt="sm" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {figures.map((f) => (
            <Table.Th key={f.label} scope="col">
              {f.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          {figures.map((f) => (
            <Table.Td key={f.label}>{f.value}</Table.Td>
          ))}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** A bar chart with its figures: the chart is one image named by them, and
 * the same figures follow in a table for reading and copying. */
function ChartFigure({ title, figures, valueLabel, color, long = false }: { title: string; figures: Figure[]; valueLabel: string; color: string; long?: boolean }) {
  const summary = `${title}: ${figures.map((f) => `${f.label} ${f.value}`).join(', ')}.`;
  return (
    <Paper withBorder p="md" component="figure" m={0}>
      <Title order={2} size="h4" component="figcaption" mb="sm">
        {title}
      </Title>
      <Box role="img" aria-label={summary}>
        <BarChart
          h={220}
          data={figures.map((f) => ({ label: f.label, [valueLabel]: f.value }))}
          dataKey="label"
          series={[{ name: valueLabel, color }]}
          tickLine="y"
          withTooltip={false}
          // Counts: no 0.25 of an item on the axis.
          yAxisProps={{ allowDecimals: false }}
        />
      </Box>
      <FiguresTable title={title} figures={figures} long={long} />
    </Paper>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

function hours(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)} h`;
}

export function AnalyticsPage() {
  const lookups = useWorkLookups();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [weeks, setWeeks] = useState('12');
  const [{ data, error, fetching }] = useQuery({
    query: ItemAnalyticsDocument,
    variables: { filter: teamId ? { teamId } : null, weeks: Number(weeks) },
  });
  const analytics = data?.itemAnalytics;

  return (
    <Stack>
      <Title order={1}>Analytics</Title>
      <Group align="flex-end">
        <Select label="Team" placeholder="Every team" description={lookups.notes.teams} data={lookups.teamOptions} value={teamId} onChange={setTeamId} clearable w={240} />
        <Select
          label="Throughput over"
          data={['4', '12', '26', '52'].map((value) => ({ value, label: `${value} weeks` }))}
          value={weeks}
          onChange={(v) => v && setWeeks(v)}
          allowDeselect={false}
          w={160}
        />
      </Group>
      <ErrorAlert error={error} title="Could not load the analytics" />
      {fetching && !data && <Text>Loading the figures…</Text>}
      {analytics && data && (
        <>
          {analytics.total === 0 && <Text>No items {teamId ? 'in this team' : 'yet'}: the charts fill in as items are added on the board.</Text>}
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="section" aria-label="Totals">
            <Stat label="Items" value={String(analytics.total)} />
            <Stat label="Overdue" value={String(analytics.overdue)} />
            <Stat label="Completed this week" value={String(analytics.completedThisWeek)} />
            <Stat label="Average time to complete" value={hours(analytics.avgCompletionHours)} />
            <Stat label="Average actual hours" value={hours(analytics.avgActualHours)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ChartFigure title="Items by status" valueLabel="Items" color="blue.8" figures={analytics.byStatus.map((s) => ({ label: STATUS_LABELS[s.status], value: s.count }))} />
            <ChartFigure
              title="Items by priority"
              valueLabel="Items"
              color="orange.8"
              figures={analytics.byPriority.map((p) => ({ label: PRIORITY_LABELS[p.priority], value: p.count }))}
            />
          </SimpleGrid>
          <ChartFigure
            title={`Completed per week, last ${weeks} weeks`}
            valueLabel="Completed"
            color="teal.8"
            long
            figures={data.throughput.map((w) => ({ label: `Week of ${formatDate(w.weekStart)}`, value: w.completed }))}
          />
          {analytics.byAssignee.length > 0 && (
            <Table striped aria-label="Open items per assignee">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Assignee</Table.Th>
                  <Table.Th scope="col">Open items</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {analytics.byAssignee.map((row, index) => (
                  <Table.Tr key={row.user?.id ?? `former-${index}`}>
                    <Table.Th scope="row">{row.user?.name ?? 'A former member'}</Table.Th>
                    <Table.Td>{row.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
