import { Anchor, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { DecisionView } from '../../components/DecisionView';
import { ErrorAlert } from '../../components/ErrorAlert';
import { describeError } from '../../errors';
import { graphql } from '../../gql';
import { truncatedNote, useAllPages } from '../../hooks/useAllPages';

export const RouteEmailDocument = graphql(`
  mutation RouteEmail($input: RouteEmailInput!) {
    routeEmail(input: $input) {
      decision {
        id
        outcome
        intentId
        intentName
        mode
        durationMs
        createdAt
        matchedBy {
          field
          header
          operator
          value
        }
        email {
          from
          subject
          messageId
        }
        results {
          ruleId
          ruleType
          fieldName
          outcome
          detail
          durationMs
        }
      }
    }
  }
`);

export const ValidateEmailDocument = graphql(`
  mutation ValidateEmail($input: ValidateEmailInput!) {
    validateEmail(input: $input) {
      decision {
        id
        outcome
        intentId
        intentName
        mode
        durationMs
        createdAt
        matchedBy {
          field
          header
          operator
          value
        }
        email {
          from
          subject
          messageId
        }
        results {
          ruleId
          ruleType
          fieldName
          outcome
          detail
          durationMs
        }
      }
    }
  }
`);

export const IntentChoicesDocument = graphql(`
  query IntentChoices($first: Int, $after: String) {
    intents(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          isActive
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const EXAMPLE = 'From: Grace <grace@example.com>\nTo: support@acme.test\nSubject: Order 42\n\nWhere is it?';

/** Header lines end in CRLF on the wire; a pasted message may have bare LFs. */
export function toCrlf(raw: string): string {
  return raw.replace(/\r?\n/g, '\r\n');
}

export function RouteEmailPage() {
  const [raw, setRaw] = useState('');
  const [intentId, setIntentId] = useState<string | null>(null);
  const [routing, route] = useMutation(RouteEmailDocument);
  const [validating, validate] = useMutation(ValidateEmailDocument);
  const intents = useAllPages({ query: IntentChoicesDocument, connection: (data) => data.intents });
  const [error, setError] = useState<unknown>(null);
  const [decision, setDecision] = useState<NonNullable<typeof routing.data>['routeEmail']['decision'] | null>(null);
  const fields = error ? describeError(error).fields : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDecision(null);
    const input = toCrlf(raw);
    if (intentId) {
      const result = await validate({ input: { intentId, raw: input } });
      if (result.error) setError(result.error);
      else setDecision(result.data?.validateEmail.decision ?? null);
    } else {
      const result = await route({ input: { raw: input } });
      if (result.error) setError(result.error);
      else setDecision(result.data?.routeEmail.decision ?? null);
    }
  }

  return (
    <Stack>
      <Title order={1}>Route an email</Title>
      <Text size="sm" c="dimmed">
        Paste a whole message as received (RFC 5322 headers, a blank line, the body). Routing picks an intent, runs its rules against live data and
        stores the decision among the routing runs.
      </Text>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Email to route">
        <Stack>
          <Textarea
            label="Raw message"
            required
            autosize
            minRows={10}
            maxRows={30}
            ff="monospace"
            placeholder={EXAMPLE}
            value={raw}
            onChange={(e) => setRaw(e.currentTarget.value)}
            error={fields.raw}
          />
          <ErrorAlert error={intents.error} title="Could not load the intents to validate against" />
          <Select
            label="Validate against one intent instead (optional)"
            description={["Runs that intent's rules whatever its matchers say, to try them out.", truncatedNote(intents.truncated, 'intents')].filter(Boolean).join(' ')}
            placeholder="Route normally"
            clearable
            data={(intents.nodes ?? []).map((node) => ({ value: node.id, label: node.isActive ? node.name : `${node.name} (inactive)` }))}
            value={intentId}
            onChange={setIntentId}
            error={fields.intentId}
          />
          {intents.nodes?.length === 0 && !intents.fetching && (
            <Text size="sm">
              There is no intent yet, so routing has none to pick:{' '}
              <Anchor component={Link} to="/routing/intents">
                create an intent
              </Anchor>{' '}
              first.
            </Text>
          )}
          <ErrorAlert error={error} title="Could not route the email" />
          <Group>
            <Button type="submit" loading={routing.fetching || validating.fetching} disabled={!raw.trim()}>
              {intentId ? 'Validate email' : 'Route email'}
            </Button>
            <Button variant="default" onClick={() => setRaw(EXAMPLE)}>
              Fill in an example
            </Button>
          </Group>
        </Stack>
      </Paper>
      {decision && (
        <section aria-labelledby="decision-heading">
          <Title order={2} id="decision-heading" mb="sm">
            Decision
          </Title>
          <Paper withBorder p="md" aria-live="polite">
            <DecisionView decision={decision} />
          </Paper>
        </section>
      )}
    </Stack>
  );
}
