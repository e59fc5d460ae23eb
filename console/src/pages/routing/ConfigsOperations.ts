import { graphql } from '../../gql';
import type { DatasourceConfigsQuery } from '../../gql/graphql';

// The GraphQL operations of the datasource configs page and its form.

export const ConfigsDocument = graphql(`
  query DatasourceConfigs($first: Int, $after: String) {
    datasourceConfigs(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          protocol
          baseUrl
          authType
          hasCredentials
          connection
          tlsMode
          createdAt
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

export const CreateConfigDocument = graphql(`
  mutation CreateDatasourceConfig($input: CreateDatasourceConfigInput!) {
    createDatasourceConfig(input: $input) {
      datasourceConfig {
        id
        name
      }
    }
  }
`);

export const UpdateConfigDocument = graphql(`
  mutation UpdateDatasourceConfig($input: UpdateDatasourceConfigInput!) {
    updateDatasourceConfig(input: $input) {
      datasourceConfig {
        id
        name
        baseUrl
        authType
        hasCredentials
        connection
        tlsMode
        updatedAt
      }
    }
  }
`);

export const DeleteConfigDocument = graphql(`
  mutation DeleteDatasourceConfig($input: DeleteDatasourceConfigInput!) {
    deleteDatasourceConfig(input: $input) {
      deletedId
    }
  }
`);

export const RestoreConfigDocument = graphql(`
  mutation RestoreDatasourceConfig($input: RestoreDatasourceConfigInput!) {
    restoreDatasourceConfig(input: $input) {
      datasourceConfig {
        id
        name
      }
    }
  }
`);

export const TestConfigDocument = graphql(`
  mutation TestDatasourceConfig($id: ID!) {
    testDatasourceConfig(id: $id) {
      ok
      latencyMs
      error
    }
  }
`);

/** One datasource config as the list query returns it. */
export type ConfigNode = DatasourceConfigsQuery['datasourceConfigs']['edges'][number]['node'];
