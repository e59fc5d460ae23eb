import { Text, Timeline } from '@mantine/core';
import { PagedList } from '../../components/PagedList';
import { formatTime } from '../../format';
import { usePagedList } from '../../hooks/usePagedList';
import { describeActivity, timeAgo, type TimelineNames } from './timeline';
import { ItemHistoryDocument } from './WorkOperations';

/** The item's history, newest first, in words. */
export function ItemTimeline({ itemId, names }: { itemId: string; names: TimelineNames }) {
  const list = usePagedList({ query: ItemHistoryDocument, variables: { filter: { itemId } }, connection: (data) => data.activity });
  return (
    <PagedList list={list} label="History" loadErrorTitle="Could not load the history" empty="No changes recorded yet.">
      {(entries) => (
        <Timeline bulletSize={12} lineWidth={2} aria-label="History" component="ol" style={{ paddingLeft: 0 }}>
          {entries.map((entry) => (
            <Timeline.Item key={entry.id} component="li" style={{ listStyle: 'none' }}>
              <Text size="sm">
                {describeActivity(entry, names)} ·{' '}
                <time dateTime={entry.at} title={formatTime(entry.at)}>
                  {timeAgo(entry.at)}
                </time>
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </PagedList>
  );
}
