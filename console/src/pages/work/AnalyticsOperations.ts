import { graphql } from '../../gql';

// The GraphQL operations of the analytics page.

export const ItemAnalyticsDocument = graphql(`
  query ItemAnalytics($filter: ItemFilterInput, $weeks: Int!) {
    itemAnalytics(filter: $filter) {
      total
      overdue
      completedThisWeek
      avgCompletionHours
      avgActualHours
      byStatus {
        status
        count
      }
      byPriority {
        priority
        count
      }
      byAssignee {
        count
        user {
          id
          name
        }
      }
    }
    throughput(weeks: $weeks) {
      weekStart
      completed
    }
  }
`);
