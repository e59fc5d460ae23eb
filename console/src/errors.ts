// Every error the console shows goes through here: GraphQL errors by their
// `extensions.code`, network failures, and the session routes' refusals.
import type { CombinedError } from '@urql/core';
import { AuthRouteError } from './auth/routes';
import { formatBytes } from './format';

/** Field name (as the server names it, `input.` dropped) → message. */
export type FieldErrors = Record<string, string>;

export interface DescribedError {
  /** The server's code, or NETWORK_ERROR when it could not be reached. */
  code: string;
  /** A sentence for people, saying what happened and what to do. */
  message: string;
  /** The server's own words, when they add something. */
  detail?: string;
  /** BAD_USER_INPUT: what is wrong with each field. */
  fields: FieldErrors;
  /** Seconds to wait before trying again (RATE_LIMITED, SERVICE_UNAVAILABLE). */
  retryAfter?: number;
}

const MESSAGES: Record<string, string> = {
  BAD_USER_INPUT: 'Some of what you entered is not valid. Correct the highlighted fields and try again.',
  UNAUTHENTICATED: 'You are not signed in, or your session has ended. Sign in and try again.',
  FORBIDDEN: 'Your role in this tenant does not allow this. Ask an administrator if you need it.',
  NOT_FOUND: 'This no longer exists, or it belongs to another tenant.',
  CONFLICT: 'This clashes with something that already exists or is still in use.',
  LIMIT_EXCEEDED: "Your tenant's plan does not allow more of these.",
  RATE_LIMITED: 'Too many attempts. Wait a little before trying again.',
  SERVICE_UNAVAILABLE: 'The service is briefly unavailable. Try again in a few seconds.',
  UNAVAILABLE: 'The service is briefly unavailable. Try again in a few seconds.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server. If it happens again, quote the reference below.',
  GRAPHQL_VALIDATION_FAILED: 'The console sent a request this server does not understand. Reload the page; the server may have been updated.',
  GRAPHQL_PARSE_FAILED: 'The console sent a malformed request. Reload the page.',
  QUERY_TOO_COMPLEX: 'That request was too large for the server. Narrow it and try again.',
  NETWORK_ERROR: 'The server could not be reached. Check your connection and try again.',
  PAYLOAD_TOO_LARGE: 'The file is larger than this server accepts. Choose a smaller file.',
};

/** Codes whose server message says something specific and safe to show. */
const DETAILED = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_VALIDATION_FAILED',
]);

/** The human sentence for a code. */
export function messageForCode(code: string): string {
  return MESSAGES[code] ?? 'Something unexpected happened. Try again.';
}

/** `input.rules[0].sql` → `rules[0].sql`: forms know fields by their name
 * inside the input. */
export function normalizeField(field: string): string {
  return field.startsWith('input.') ? field.slice('input.'.length) : field;
}

/** A refusal of one of the server's plain HTTP routes (a file download):
 * its status, and the code and message of its JSON body. */
export class HttpRouteError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'HttpRouteError';
    this.status = status;
    this.code = code;
  }
}

interface RawError {
  message: string;
  extensions?: Record<string, unknown>;
}

function fieldsOf(extensions: Record<string, unknown> | undefined, errorMessage: string): FieldErrors {
  const fields: FieldErrors = {};
  if (!extensions) return fields;
  const add = (field: unknown, message: unknown) => {
    if (typeof field !== 'string') return;
    const key = normalizeField(field);
    const text = typeof message === 'string' ? message : 'is not valid';
    fields[key] = fields[key] ? `${fields[key]}; ${text}` : text;
  };
  // The server lists every bad field: `fields: [{field, message}]`.
  if (Array.isArray(extensions.fields)) {
    for (const entry of extensions.fields) {
      if (entry && typeof entry === 'object') {
        const { field, message } = entry as { field?: unknown; message?: unknown };
        add(field, message);
      }
    }
  }
  // A single `field` is accepted too.
  if (typeof extensions.field === 'string') add(extensions.field, errorMessage);
  return fields;
}

/** LIMIT_EXCEEDED names its limit and maximum; the file limits get a
 * sentence of their own, as the server's words are bare byte counts. */
function limitMessage(extensions: Record<string, unknown> | undefined): string | undefined {
  const max = extensions?.max;
  if (typeof max !== 'number') return undefined;
  switch (extensions?.limit) {
    case 'attachment size':
      return `The file is too large: this tenant's plan allows files of at most ${formatBytes(max)}. Choose a smaller file.`;
    case 'storage':
      return `This tenant's file storage is full: its plan allows ${formatBytes(max)} of files in all. Delete files no longer needed, or move to a larger plan.`;
    default:
      return undefined;
  }
}

function fromRaw(errors: RawError[]): DescribedError {
  const first = errors[0] ?? { message: '' };
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const fields: FieldErrors = {};
  for (const error of errors) Object.assign(fields, fieldsOf(error.extensions, error.message));
  const retry = first.extensions?.retryAfter;
  const details = errors.map((e) => e.message).filter(Boolean);
  const limit = code === 'LIMIT_EXCEEDED' ? limitMessage(first.extensions) : undefined;
  return {
    code,
    message: limit ?? messageForCode(code),
    detail: !limit && DETAILED.has(code) && details.length > 0 ? [...new Set(details)].join(' · ') : undefined,
    fields,
    retryAfter: typeof retry === 'number' ? retry : undefined,
  };
}

/** The code of an HTTP status that answered instead of GraphQL. */
const CODES_BY_STATUS: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  // Only an upload can pass the server's body limit.
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Describes any error the console can meet. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof AuthRouteError || error instanceof HttpRouteError) {
    // A connection that failed has no server's words to show.
    const detail = error.code === 'NETWORK_ERROR' ? undefined : error.message;
    return { code: error.code, message: messageForCode(error.code), detail, fields: {} };
  }
  const combined = error as Partial<CombinedError> | null;
  if (combined && Array.isArray(combined.graphQLErrors) && combined.graphQLErrors.length > 0) {
    return fromRaw(
      combined.graphQLErrors.map((e) => ({
        message: e.message,
        extensions: e.extensions as Record<string, unknown> | undefined,
      })),
    );
  }
  if (combined && combined.networkError) {
    const response = combined.response as Response | undefined;
    const status = response?.status;
    const code = (status !== undefined && CODES_BY_STATUS[status]) || 'NETWORK_ERROR';
    return { code, message: messageForCode(code), fields: {} };
  }
  if (error instanceof Error) {
    return { code: 'INTERNAL_SERVER_ERROR', message: messageForCode('UNKNOWN'), detail: error.message, fields: {} };
  }
  return { code: 'UNKNOWN', message: messageForCode('UNKNOWN'), fields: {} };
}

/** The field errors under `prefix` (e.g. `rules[2].`), with it removed. */
export function fieldErrorsUnder(fields: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = message;
  }
  return out;
}

/** The field errors not in `known`, to list under a form. */
export function otherFieldErrors(fields: FieldErrors, known: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) if (!known.includes(key)) out[key] = message;
  return out;
}
