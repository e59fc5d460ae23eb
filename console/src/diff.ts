export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  key: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** JSON with object keys sorted, so equal values print equally. */
export function stableJson(value: unknown, indent = 2): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (isRecord(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort(v[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value), null, indent) ?? 'null';
}

/**
 * The top-level keys of an audit entry's `before` and `after`, each marked
 * added, removed, changed or unchanged. A side that is not an object (or
 * missing) counts as having no keys; a non-object value on either side is
 * shown under the key `value`.
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const left = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const right = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.map((key) => {
    const inLeft = Object.prototype.hasOwnProperty.call(left, key);
    const inRight = Object.prototype.hasOwnProperty.call(right, key);
    if (inLeft && !inRight) return { key, kind: 'removed', before: left[key] };
    if (!inLeft && inRight) return { key, kind: 'added', after: right[key] };
    const same = stableJson(left[key]) === stableJson(right[key]);
    return { key, kind: same ? 'unchanged' : 'changed', before: left[key], after: right[key] };
  });
}
