import { Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { FieldErrors } from '../errors';
import type { MatchField, MatchOperator, MatcherInput } from '../gql/graphql';

const FIELDS: MatchField[] = ['FROM', 'FROM_DOMAIN', 'TO', 'SUBJECT', 'BODY', 'HEADER'];
const OPERATORS: MatchOperator[] = ['EQUALS', 'CONTAINS', 'ENDS_WITH', 'REGEX'];

/** Matchers as the API takes them: `header` only for HEADER. */
export function cleanMatchers(matchers: MatcherInput[]): MatcherInput[] {
  return matchers.map((m) => ({
    field: m.field,
    operator: m.operator,
    value: m.value,
    ...(m.field === 'HEADER' ? { header: m.header ?? '' } : {}),
  }));
}

interface MatchersEditorProps {
  value: MatcherInput[];
  onChange: (value: MatcherInput[]) => void;
  /** Field errors named as inside the intent: `matchers[0].value`. */
  errors: FieldErrors;
}

/** The matchers of an intent: an email belongs to it when any matches. */
export function MatchersEditor({ value, onChange, errors }: MatchersEditorProps) {
  const update = (index: number, patch: Partial<MatcherInput>) => onChange(value.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <Fieldset legend="Matchers">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          An email belongs to this intent when any matcher matches (up to 20). EQUALS, CONTAINS and ENDS_WITH ignore case.
        </Text>
        {errors.matchers && (
          <Text c="red" size="sm" role="alert">
            {errors.matchers}
          </Text>
        )}
        {value.length === 0 && <Text size="sm">No matchers: routing never chooses this intent by itself. Add one with Add matcher.</Text>}
        {value.map((matcher, index) => {
          const n = index + 1;
          const key = `matchers[${index}]`;
          return (
            <Group key={index} align="flex-start" wrap="wrap" role="group" aria-label={`Matcher ${n}`}>
              <Select
                label={`Field ${n}`}
                data={FIELDS}
                value={matcher.field}
                allowDeselect={false}
                onChange={(v) => v && update(index, { field: v as MatchField })}
                error={errors[`${key}.field`]}
                w={150}
              />
              {matcher.field === 'HEADER' && (
                <TextInput label={`Header name ${n}`} value={matcher.header ?? ''} onChange={(e) => update(index, { header: e.currentTarget.value })} error={errors[`${key}.header`]} w={160} />
              )}
              <Select
                label={`Operator ${n}`}
                data={OPERATORS}
                value={matcher.operator}
                allowDeselect={false}
                onChange={(v) => v && update(index, { operator: v as MatchOperator })}
                error={errors[`${key}.operator`]}
                w={140}
              />
              <TextInput label={`Value ${n}`} value={matcher.value} onChange={(e) => update(index, { value: e.currentTarget.value })} error={errors[`${key}.value`] ?? errors[key]} style={{ flex: 1 }} miw={200} />
              <Button variant="subtle" color="red" mt={25} onClick={() => onChange(value.filter((_, i) => i !== index))} aria-label={`Remove matcher ${n}`}>
                Remove
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button variant="default" size="xs" disabled={value.length >= 20} onClick={() => onChange([...value, { field: 'TO', operator: 'ENDS_WITH', value: '' }])}>
            Add matcher
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
