import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AuthRouteError } from './auth/routes';
import { describeError, fieldErrorsUnder, HttpRouteError, messageForCode, normalizeField } from './errors';

function graphqlError(message: string, extensions: Record<string, unknown>) {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
}

describe('error mapping', () => {
  it('has a sentence for every code the server sends', () => {
    for (const code of [
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'LIMIT_EXCEEDED',
      'RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
      'UNAVAILABLE',
      'INTERNAL_SERVER_ERROR',
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_PARSE_FAILED',
      'QUERY_TOO_COMPLEX',
      'PAYLOAD_TOO_LARGE',
    ]) {
      expect(messageForCode(code)).not.toBe(messageForCode('SOMETHING_ELSE'));
    }
  });

  it('reads every bad field of BAD_USER_INPUT, without the input. prefix', () => {
    const described = describeError(
      graphqlError('invalid input', {
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'input.rules[0].conditions.query', message: 'must be a single SELECT' },
          { field: 'intent.name', message: 'is required' },
        ],
      }),
    );
    expect(described.code).toBe('BAD_USER_INPUT');
    expect(described.fields).toEqual({
      'rules[0].conditions.query': 'must be a single SELECT',
      'intent.name': 'is required',
    });
    expect(fieldErrorsUnder(described.fields, 'rules[0].')).toEqual({ 'conditions.query': 'must be a single SELECT' });
  });

  it('accepts a single extensions.field too', () => {
    const described = describeError(graphqlError('is too short', { code: 'BAD_USER_INPUT', field: 'input.slug' }));
    expect(described.fields).toEqual({ slug: 'is too short' });
  });

  it('keeps the server message for a conflict and the wait for a rate limit', () => {
    expect(describeError(graphqlError('an intent named `X` exists', { code: 'CONFLICT' }))).toMatchObject({
      code: 'CONFLICT',
      detail: 'an intent named `X` exists',
    });
    expect(describeError(graphqlError('too many attempts', { code: 'RATE_LIMITED', retryAfter: 12 }))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 12,
    });
  });

  it('hides nothing useful and invents nothing for an internal error', () => {
    const described = describeError(graphqlError('internal error; reference req-42', { code: 'INTERNAL_SERVER_ERROR' }));
    expect(described.message).toMatch(/reference/);
    expect(described.detail).toBe('internal error; reference req-42');
  });

  it('names a network failure as such', () => {
    const described = describeError(new CombinedError({ networkError: new TypeError('Failed to fetch') }));
    expect(described.code).toBe('NETWORK_ERROR');
  });

  it('says how large a file may be when a file limit is reached', () => {
    const tooLarge = describeError(
      graphqlError('attachment size limit of 10485760 reached for this plan', { code: 'LIMIT_EXCEEDED', limit: 'attachment size', max: 10485760 }),
    );
    expect(tooLarge.message).toBe("The file is too large: this tenant's plan allows files of at most 10 MiB. Choose a smaller file.");
    expect(tooLarge.detail).toBeUndefined();
    const full = describeError(graphqlError('storage limit of 1073741824 reached for this plan', { code: 'LIMIT_EXCEEDED', limit: 'storage', max: 1073741824 }));
    expect(full.message).toMatch(/^This tenant's file storage is full: its plan allows 1 GiB of files in all\./);
    // Other limits keep the general sentence and the server's words.
    expect(describeError(graphqlError('members limit of 5 reached for this plan', { code: 'LIMIT_EXCEEDED', limit: 'members', max: 5 }))).toMatchObject({
      message: messageForCode('LIMIT_EXCEEDED'),
      detail: 'members limit of 5 reached for this plan',
    });
  });

  it('reads a 413 as a file too large for the server', () => {
    const response = new Response('', { status: 413, statusText: 'Payload Too Large' });
    const described = describeError(new CombinedError({ networkError: new Error('Payload Too Large'), response }));
    expect(described.code).toBe('PAYLOAD_TOO_LARGE');
    expect(described.message).toMatch(/^The file is larger than this server accepts/);
  });

  it('describes a refusal of a plain route such as a download', () => {
    expect(describeError(new HttpRouteError(404, 'NOT_FOUND', 'attachment not found'))).toMatchObject({
      code: 'NOT_FOUND',
      message: messageForCode('NOT_FOUND'),
      detail: 'attachment not found',
    });
  });

  it('describes a session route refusal', () => {
    expect(describeError(new AuthRouteError(401, 'UNAUTHENTICATED', 'no session'))).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: 'no session',
    });
  });

  it('normalises field names', () => {
    expect(normalizeField('input.name')).toBe('name');
    expect(normalizeField('name')).toBe('name');
  });
});
