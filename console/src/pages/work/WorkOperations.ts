import { graphql } from '../../gql';
import type { ItemCardFieldsFragment, ItemDetailQuery, TeamsQuery, TagsQuery } from '../../gql/graphql';

// The GraphQL operations of the Work pages (board, list, item, teams, tags).

export const ItemCardFields = graphql(`
  fragment ItemCardFields on Item {
    id
    title
    status
    priority
    dueDate
    version
    updatedAt
    assignees {
      id
      name
    }
    tags {
      id
      name
      color
    }
    progress {
      total
      done
    }
    commentCount
  }
`);

export const ItemsDocument = graphql(`
  query Items($first: Int, $after: String, $filter: ItemFilterInput, $orderBy: ItemOrderInput) {
    items(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        cursor
        node {
          ...ItemCardFields
          team {
            id
            name
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

export const ParentChoicesDocument = graphql(`
  query ParentChoices($first: Int, $filter: ItemFilterInput, $orderBy: ItemOrderInput) {
    items(first: $first, filter: $filter, orderBy: $orderBy) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const ItemTitleDocument = graphql(`
  query ItemTitle($id: ID!) {
    item(id: $id) {
      id
      title
    }
  }
`);

export const ItemDetailDocument = graphql(`
  query ItemDetail($id: ID!) {
    item(id: $id) {
      ...ItemCardFields
      description
      estimatedHours
      actualHours
      createdAt
      completedAt
      creator {
        id
        name
      }
      team {
        id
        name
      }
      parent {
        id
        title
      }
      subtasks(first: 100) {
        edges {
          node {
            id
            title
            status
            version
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const ItemHistoryDocument = graphql(`
  query ItemHistory($filter: ActivityFilterInput, $first: Int, $after: String) {
    activity(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          action
          at
          actor {
            id
            name
          }
          # Names Item among the answer's types, so that a change to an item reloads its history.
          item {
            id
          }
          changes {
            field
            from
            to
            added
            removed
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

export const CreateItemDocument = graphql(`
  mutation CreateItem($input: CreateItemInput!) {
    createItem(input: $input) {
      item {
        ...ItemCardFields
      }
    }
  }
`);

export const UpdateItemDocument = graphql(`
  mutation UpdateItem($input: UpdateItemInput!) {
    updateItem(input: $input) {
      item {
        ...ItemCardFields
        description
        estimatedHours
        actualHours
        completedAt
        team {
          id
          name
        }
        parent {
          id
          title
        }
      }
    }
  }
`);

export const DeleteItemDocument = graphql(`
  mutation DeleteItem($input: DeleteItemInput!) {
    deleteItem(input: $input) {
      deletedId
      deletedSubtaskIds
    }
  }
`);

export const RestoreItemDocument = graphql(`
  mutation RestoreItem($input: RestoreItemInput!) {
    restoreItem(input: $input) {
      item {
        id
        title
      }
      restoredSubtaskIds
    }
  }
`);

export const TenantMembersDocument = graphql(`
  query TenantMembers($first: Int, $after: String) {
    tenant {
      id
      members(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            user {
              id
              name
              email
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const TeamsDocument = graphql(`
  query Teams($first: Int, $after: String) {
    teams(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          description
          updatedAt
          members {
            id
            name
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

export const TagsDocument = graphql(`
  query Tags($first: Int, $after: String) {
    tags(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          color
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateTeamDocument = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      team {
        id
        name
      }
    }
  }
`);

export const UpdateTeamDocument = graphql(`
  mutation UpdateTeam($input: UpdateTeamInput!) {
    updateTeam(input: $input) {
      team {
        id
        name
        description
      }
    }
  }
`);

export const DeleteTeamDocument = graphql(`
  mutation DeleteTeam($input: TeamIdInput!) {
    deleteTeam(input: $input) {
      deletedId
    }
  }
`);

export const RestoreTeamDocument = graphql(`
  mutation RestoreTeam($input: TeamIdInput!) {
    restoreTeam(input: $input) {
      team {
        id
        name
      }
    }
  }
`);

export const AddTeamMemberDocument = graphql(`
  mutation AddTeamMember($input: TeamMemberInput!) {
    addTeamMember(input: $input) {
      team {
        id
        members {
          id
          name
        }
      }
    }
  }
`);

export const RemoveTeamMemberDocument = graphql(`
  mutation RemoveTeamMember($input: TeamMemberInput!) {
    removeTeamMember(input: $input) {
      team {
        id
        members {
          id
          name
        }
      }
    }
  }
`);

export const CreateTagDocument = graphql(`
  mutation CreateTag($input: CreateTagInput!) {
    createTag(input: $input) {
      tag {
        id
        name
        color
      }
    }
  }
`);

export const UpdateTagDocument = graphql(`
  mutation UpdateTag($input: UpdateTagInput!) {
    updateTag(input: $input) {
      tag {
        id
        name
        color
      }
    }
  }
`);

export const DeleteTagDocument = graphql(`
  mutation DeleteTag($input: DeleteTagInput!) {
    deleteTag(input: $input) {
      deletedId
    }
  }
`);

export type ItemCard = ItemCardFieldsFragment;
export type ItemDetail = ItemDetailQuery['item'];
export type TeamNode = TeamsQuery['teams']['edges'][number]['node'];
export type TagNode = TagsQuery['tags']['edges'][number]['node'];
