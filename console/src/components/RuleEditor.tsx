import { Autocomplete, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../errors';
import { otherFieldErrors } from '../errors';
import type { DatasourceKind, RuleType } from '../gql/graphql';
import { ErrorAlert, FieldErrorList } from './ErrorAlert';

export interface RuleDatasource {
  id: string;
  name: string;
  kind: DatasourceKind;
  columns?: readonly string[];
}

/** One rule as the editor holds it and as the API takes it. */
export interface RuleSpec {
  datasourceId: string;
  fieldName: string;
  ruleType: RuleType;
  conditions: Record<string, unknown>;
  priority: number;
  isActive: boolean;
}

export const RULE_TYPES: { value: RuleType; label: string }[] = [
  { value: 'EXISTS', label: 'EXISTS: the lookup finds something' },
  { value: 'NOT_EXISTS', label: 'NOT_EXISTS: the lookup finds nothing' },
  { value: 'EQUALS', label: 'EQUALS: the value equals the expected one' },
  { value: 'NOT_EQUALS', label: 'NOT_EQUALS: the value differs from the expected one' },
  { value: 'REGEX', label: 'REGEX: the value matches a pattern' },
  { value: 'IN_LIST', label: 'IN_LIST: the value is one of a list' },
  { value: 'RANGE', label: 'RANGE: the value is a number within bounds' },
];

export const EMAIL_FIELDS = ['from', 'fromDomain', 'to', 'cc', 'subject', 'body', 'messageId', 'headers.', 'fields.'];

/** Every field name the editor shows an error next to. */
const SHOWN = [
  'datasourceId',
  'fieldName',
  'ruleType',
  'priority',
  'isActive',
  'conditions',
  'conditions.query',
  'conditions.params',
  'conditions.method',
  'conditions.path',
  'conditions.body',
  'conditions.expectStatus',
  'conditions.pointer',
  'conditions.column',
  'conditions.returnColumn',
  'conditions.expected',
  'conditions.pattern',
  'conditions.values',
  'conditions.min',
  'conditions.max',
];

/** `conditions.params[1]` is shown with `conditions.params`. */
function errorFor(errors: FieldErrors, key: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([field]) => field === key || field.startsWith(`${key}[`))
    .map(([field, message]) => (field === key ? message : `${field.slice(key.length)}: ${message}`));
  return messages.length > 0 ? messages.join('; ') : undefined;
}

function unshown(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(otherFieldErrors(errors, SHOWN))) {
    if (!SHOWN.some((key) => field.startsWith(`${key}[`))) out[field] = message;
  }
  return out;
}

function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface Draft {
  datasourceId: string | null;
  fieldName: string;
  ruleType: RuleType;
  priority: number;
  isActive: boolean;
  query: string;
  params: string;
  method: string;
  path: string;
  body: string;
  expectStatus: string;
  pointer: string;
  column: string;
  returnColumn: string;
  expected: string;
  pattern: string;
  values: string;
  min: string;
  max: string;
  /** Keys of the stored conditions this editor does not model, kept as they are. */
  rest: Record<string, unknown>;
}

const MODELED = ['query', 'params', 'method', 'path', 'body', 'expectStatus', 'pointer', 'column', 'returnColumn', 'expected', 'pattern', 'values', 'min', 'max'];

function toDraft(rule: Partial<RuleSpec> | undefined): Draft {
  const c = rule?.conditions ?? {};
  const rest = Object.fromEntries(Object.entries(c).filter(([key]) => !MODELED.includes(key)));
  return {
    datasourceId: rule?.datasourceId ?? null,
    fieldName: rule?.fieldName ?? 'from',
    ruleType: rule?.ruleType ?? 'EXISTS',
    priority: rule?.priority ?? 0,
    isActive: rule?.isActive ?? true,
    query: str(c.query),
    params: Array.isArray(c.params) ? c.params.map(str).join(', ') : '',
    method: str(c.method) || 'GET',
    path: str(c.path),
    body: c.body === undefined ? '' : JSON.stringify(c.body, null, 2),
    expectStatus: str(c.expectStatus),
    pointer: str(c.pointer),
    column: str(c.column),
    returnColumn: str(c.returnColumn),
    expected: str(c.expected),
    pattern: str(c.pattern),
    values: Array.isArray(c.values) ? c.values.map(str).join('\n') : '',
    min: str(c.min),
    max: str(c.max),
    rest,
  };
}

function numberOrText(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** The conditions JSON for the datasource kind and rule type; a local
 * error for what cannot even be sent (a body that is not JSON). */
export function buildConditions(draft: Draft, kind: DatasourceKind | undefined): { conditions: Record<string, unknown>; local: FieldErrors } {
  const c: Record<string, unknown> = { ...draft.rest };
  const local: FieldErrors = {};
  if (kind === 'DATABASE') {
    c.query = draft.query;
    c.params = draft.params
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  } else if (kind === 'API') {
    c.method = draft.method;
    c.path = draft.path;
    if (draft.body.trim()) {
      try {
        c.body = JSON.parse(draft.body);
      } catch {
        local['conditions.body'] = 'is not valid JSON';
      }
    }
    if (draft.expectStatus.trim()) c.expectStatus = numberOrText(draft.expectStatus);
    if (draft.pointer.trim()) c.pointer = draft.pointer.trim();
  } else if (kind === 'FILE') {
    c.column = draft.column;
    if (draft.returnColumn.trim()) c.returnColumn = draft.returnColumn.trim();
  }
  switch (draft.ruleType) {
    case 'EQUALS':
    case 'NOT_EQUALS':
      if (draft.expected !== '') c.expected = draft.expected;
      break;
    case 'REGEX':
      c.pattern = draft.pattern;
      break;
    case 'IN_LIST':
      c.values = draft.values
        .split('\n')
        .map((v) => v.trim())
        .filter(Boolean);
      break;
    case 'RANGE':
      if (draft.min.trim()) c.min = numberOrText(draft.min);
      if (draft.max.trim()) c.max = numberOrText(draft.max);
      break;
    default:
      break;
  }
  return { conditions: c, local };
}

interface RuleEditorProps {
  /** Accessible name of the form, e.g. "New rule" or "Edit rule 2". */
  title: string;
  datasources: readonly RuleDatasource[];
  /** Said under the datasource picker, e.g. when it could not offer every datasource. */
  datasourcesNote?: string;
  initial?: Partial<RuleSpec>;
  /** The server's BAD_USER_INPUT fields for this rule, named as inside the rule
   * (`conditions.query`, `datasourceId`). */
  errors?: FieldErrors;
  /** Any other error of the last save. */
  error?: unknown;
  saving?: boolean;
  submitLabel?: string;
  onSubmit: (rule: RuleSpec) => void;
  onCancel?: () => void;
}

/** Edits one validation rule; shows the server's errors next to the inputs. */
export function RuleEditor({ title, datasources, datasourcesNote, initial, errors = {}, error, saving, submitLabel = 'Save rule', onSubmit, onCancel }: RuleEditorProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [local, setLocal] = useState<FieldErrors>({});
  const datasource = datasources.find((d) => d.id === draft.datasourceId);
  const kind = datasource?.kind;
  const all: FieldErrors = { ...errors, ...local };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = buildConditions(draft, kind);
    const missing: FieldErrors = { ...built.local };
    if (!draft.datasourceId) missing.datasourceId = 'choose a datasource';
    setLocal(missing);
    if (Object.keys(missing).length > 0) return;
    onSubmit({
      datasourceId: draft.datasourceId ?? '',
      fieldName: draft.fieldName.trim(),
      ruleType: draft.ruleType,
      priority: draft.priority,
      isActive: draft.isActive,
      conditions: built.conditions,
    });
  }

  return (
    <form onSubmit={submit} aria-label={title} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Datasource"
            placeholder="Choose a datasource"
            description={datasourcesNote}
            data={datasources.map((d) => ({ value: d.id, label: `${d.name} (${d.kind})` }))}
            value={draft.datasourceId}
            onChange={(value) => set('datasourceId', value)}
            error={errorFor(all, 'datasourceId')}
            required
          />
          <Autocomplete
            label="Email field"
            description="from, fromDomain, to, cc, subject, body, messageId, headers.<Name> or fields.<key>"
            data={EMAIL_FIELDS}
            value={draft.fieldName}
            onChange={(value) => set('fieldName', value)}
            error={errorFor(all, 'fieldName')}
            required
          />
          <Select
            label="Rule type"
            data={RULE_TYPES}
            value={draft.ruleType}
            allowDeselect={false}
            onChange={(value) => value && set('ruleType', value as RuleType)}
            error={errorFor(all, 'ruleType')}
          />
          <NumberInput
            label="Priority"
            description="Higher runs first."
            value={draft.priority}
            onChange={(value) => set('priority', typeof value === 'number' ? value : Number(value) || 0)}
            error={errorFor(all, 'priority')}
          />
        </SimpleGrid>
        <Checkbox label="Active" checked={draft.isActive} onChange={(e) => set('isActive', e.currentTarget.checked)} error={errorFor(all, 'isActive')} />

        {errorFor(all, 'conditions') && (
          <Text c="red" size="sm" role="alert">
            Conditions: {errorFor(all, 'conditions')}
          </Text>
        )}
        {!kind && <Text size="sm" c="dimmed">Choose a datasource to see its lookup fields.</Text>}
        {kind === 'DATABASE' && (
          <>
            <Textarea
              label="SQL query"
              description="One SELECT with placeholders ($1 on PostgreSQL, ? on MySQL and SQLite); only the first row is read."
              autosize
              minRows={3}
              ff="monospace"
              value={draft.query}
              onChange={(e) => set('query', e.currentTarget.value)}
              error={errorFor(all, 'conditions.query')}
            />
            <TextInput
              label="Query parameters"
              description="Email fields bound to the placeholders, in order, separated by commas."
              value={draft.params}
              onChange={(e) => set('params', e.currentTarget.value)}
              error={errorFor(all, 'conditions.params')}
            />
          </>
        )}
        {kind === 'API' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="HTTP method" data={['GET', 'HEAD', 'POST']} value={draft.method} allowDeselect={false} onChange={(v) => v && set('method', v)} error={errorFor(all, 'conditions.method')} />
            <TextInput label="Path" description="Relative to the config's address; {field} templates." value={draft.path} onChange={(e) => set('path', e.currentTarget.value)} error={errorFor(all, 'conditions.path')} />
            <TextInput label="Expected status" placeholder="200" value={draft.expectStatus} onChange={(e) => set('expectStatus', e.currentTarget.value)} error={errorFor(all, 'conditions.expectStatus')} />
            <TextInput label="JSON pointer" placeholder="/plan" value={draft.pointer} onChange={(e) => set('pointer', e.currentTarget.value)} error={errorFor(all, 'conditions.pointer')} />
            <Textarea label="Request body (JSON, POST only)" autosize minRows={2} ff="monospace" value={draft.body} onChange={(e) => set('body', e.currentTarget.value)} error={errorFor(all, 'conditions.body')} />
          </SimpleGrid>
        )}
        {kind === 'FILE' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Autocomplete label="CSV column to match" data={[...(datasource?.columns ?? [])]} value={draft.column} onChange={(v) => set('column', v)} error={errorFor(all, 'conditions.column')} />
            <Autocomplete label="Column to return" description="For comparisons." data={[...(datasource?.columns ?? [])]} value={draft.returnColumn} onChange={(v) => set('returnColumn', v)} error={errorFor(all, 'conditions.returnColumn')} />
          </SimpleGrid>
        )}
        {(draft.ruleType === 'EQUALS' || draft.ruleType === 'NOT_EQUALS') && (
          <TextInput label="Expected value" description="Empty: the email's own value of the field." value={draft.expected} onChange={(e) => set('expected', e.currentTarget.value)} error={errorFor(all, 'conditions.expected')} />
        )}
        {draft.ruleType === 'REGEX' && (
          <TextInput label="Pattern" ff="monospace" value={draft.pattern} onChange={(e) => set('pattern', e.currentTarget.value)} error={errorFor(all, 'conditions.pattern')} />
        )}
        {draft.ruleType === 'IN_LIST' && (
          <Textarea label="Allowed values" description="One per line." autosize minRows={3} value={draft.values} onChange={(e) => set('values', e.currentTarget.value)} error={errorFor(all, 'conditions.values')} />
        )}
        {draft.ruleType === 'RANGE' && (
          <Group grow>
            <TextInput label="Minimum" value={draft.min} onChange={(e) => set('min', e.currentTarget.value)} error={errorFor(all, 'conditions.min')} />
            <TextInput label="Maximum" value={draft.max} onChange={(e) => set('max', e.currentTarget.value)} error={errorFor(all, 'conditions.max')} />
          </Group>
        )}
        <FieldErrorList fields={unshown(errors)} />
        <ErrorAlert error={error} title="Could not save the rule" />
        <Group>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
