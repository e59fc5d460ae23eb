import { graphql } from '../../gql';
import type { ItemCommentsQuery } from '../../gql/graphql';

// The GraphQL operations of an item's comments.

export const ItemCommentsDocument = graphql(`
  query ItemComments($id: ID!, $first: Int, $after: String) {
    item(id: $id) {
      id
      commentCount
      comments(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            body
            createdAt
            editedAt
            author {
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
  }
`);

export const AddCommentDocument = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      comment {
        id
        body
        item {
          id
          commentCount
        }
      }
    }
  }
`);

export const EditCommentDocument = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      comment {
        id
        body
        editedAt
      }
    }
  }
`);

export const DeleteCommentDocument = graphql(`
  mutation DeleteComment($input: DeleteCommentInput!) {
    deleteComment(input: $input) {
      deletedId
    }
  }
`);

export type CommentNode = ItemCommentsQuery['item']['comments']['edges'][number]['node'];
