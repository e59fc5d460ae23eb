import { graphql } from '../../gql';
import type { ItemAttachmentsQuery } from '../../gql/graphql';

// The GraphQL operations of an item's attachments. The files themselves
// travel as multipart requests (upload) and `GET downloadUrl` (download).

export const ItemAttachmentsDocument = graphql(`
  query ItemAttachments($id: ID!) {
    item(id: $id) {
      id
      attachments {
        id
        filename
        contentType
        sizeBytes
        createdAt
        downloadUrl
        uploadedBy {
          id
          name
          email
        }
      }
    }
    tenant {
      id
      limits {
        maxAttachmentBytes
      }
    }
  }
`);

export const UploadAttachmentDocument = graphql(`
  mutation UploadAttachment($input: UploadAttachmentInput!) {
    uploadAttachment(input: $input) {
      attachment {
        id
        filename
        sizeBytes
      }
    }
  }
`);

export const DeleteAttachmentDocument = graphql(`
  mutation DeleteAttachment($input: DeleteAttachmentInput!) {
    deleteAttachment(input: $input) {
      deletedId
    }
  }
`);

export type AttachmentNode = ItemAttachmentsQuery['item']['attachments'][number];
