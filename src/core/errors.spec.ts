import { GraphQLError } from 'graphql';
import { BadInputError, ErrorCode, formatError } from './errors';

describe('formatError', () => {
  const withStack = (code: string) => ({ message: 'm', extensions: { code, stacktrace: ['at x'] } });

  it('keeps our own errors and their codes', () => {
    const error = new BadInputError('first must be at most 100', 'first');
    const out = formatError({ message: error.message, extensions: { ...error.extensions } }, error, true);
    expect(out).toMatchObject({ message: 'first must be at most 100', extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'first' } });
  });

  it('turns an unknown error into INTERNAL_SERVER_ERROR without its message or stack in production', () => {
    const raw = new GraphQLError('secret detail', { originalError: new TypeError('secret detail') });
    const out = formatError(withStack('INTERNAL_SERVER_ERROR'), raw, true);
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('keeps the stack trace outside production for debugging', () => {
    const raw = new GraphQLError('boom', { originalError: new Error('boom') });
    expect(formatError(withStack('INTERNAL_SERVER_ERROR'), raw, false).extensions).toHaveProperty('stacktrace');
  });

  it('leaves GraphQL validation errors as Apollo coded them', () => {
    const out = formatError({ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('Cannot query field'), true);
    expect(out.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(out.message).toBe('Cannot query field');
  });
});
