import { graphql } from '../../gql';
import type { IntentQuery } from '../../gql/graphql';

// The GraphQL operations of the intent page: the intent, its settings and its rules.

export const IntentDocument = graphql(`
  query Intent($id: ID!) {
    intent(id: $id) {
      id
      name
      description
      priority
      isActive
      createdAt
      updatedAt
      matchers {
        field
        header
        operator
        value
      }
      rules {
        id
        datasourceId
        fieldName
        ruleType
        conditions
        priority
        isActive
        datasource {
          id
          name
          kind
        }
      }
    }
  }
`);

export const RuleDatasourcesDocument = graphql(`
  query RuleDatasources($first: Int, $after: String) {
    datasources(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          kind
          file {
            columns
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

export const UpdateIntentDocument = graphql(`
  mutation UpdateIntent($input: UpdateIntentInput!) {
    updateIntent(input: $input) {
      intent {
        id
        name
        description
        priority
        isActive
        updatedAt
        matchers {
          field
          header
          operator
          value
        }
      }
    }
  }
`);

export const CreateRuleDocument = graphql(`
  mutation CreateValidationRule($input: CreateValidationRuleInput!) {
    createValidationRule(input: $input) {
      rule {
        id
      }
    }
  }
`);

export const UpdateRuleDocument = graphql(`
  mutation UpdateValidationRule($input: UpdateValidationRuleInput!) {
    updateValidationRule(input: $input) {
      rule {
        id
        datasourceId
        fieldName
        ruleType
        conditions
        priority
        isActive
      }
    }
  }
`);

export const DeleteRuleDocument = graphql(`
  mutation DeleteValidationRule($input: DeleteValidationRuleInput!) {
    deleteValidationRule(input: $input) {
      deletedId
    }
  }
`);

export const ReorderRulesDocument = graphql(`
  mutation ReorderValidationRules($input: ReorderValidationRulesInput!) {
    reorderValidationRules(input: $input) {
      rules {
        id
      }
    }
  }
`);

/** The intent as the page's query returns it. */
export type IntentNode = IntentQuery['intent'];

/** One of its validation rules. */
export type IntentRule = IntentNode['rules'][number];
