import { ValidationError } from 'class-validator';
import { GraphQLError, type OperationDefinitionNode, parse } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { formatError, isServerFault } from './error-format';
import { BadInputError, ErrorCode, IntegrityError } from './errors';

describe('formatError', () => {
  const withStack = (code: string) => ({
    message: 'm',
    extensions: { code, stacktrace: ['at x'] },
  });

  it('keeps our own errors and their codes', () => {
    const error = new BadInputError('first must be at most 100', 'first');
    const out = formatError(
      { message: error.message, extensions: { ...error.extensions } },
      error,
      false,
    );
    expect(out).toMatchObject({
      message: 'first must be at most 100',
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'first' },
    });
  });

  it("answers graphql-js's notice that a request's variables hold too many errors as the client's BAD_USER_INPUT", () => {
    const notice = new GraphQLError(
      'Too many errors processing variables, error limit reached. Execution aborted.',
    );
    const out = formatError({ message: notice.message }, notice, false);
    expect(out).toEqual({
      message: notice.message,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
    expect(isServerFault(notice)).toBe(false);
    // The same words from a fault of ours (an original error) stay masked.
    const ours = new GraphQLError(notice.message, { originalError: new Error(notice.message) });
    expect(formatError({ message: ours.message }, ours, false).extensions).toEqual({
      code: ErrorCode.INTERNAL_SERVER_ERROR,
    });
  });

  it('turns an unknown error into INTERNAL_SERVER_ERROR without its message, extensions or stack unless debugging', () => {
    const raw = new GraphQLError('secret detail', {
      originalError: new TypeError('secret detail'),
    });
    const out = formatError(
      {
        ...withStack('INTERNAL_SERVER_ERROR'),
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'], cypher: 'MATCH (n)' },
      },
      raw,
      false,
    );
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('keeps the stack trace only with the debug switch (DEBUG_ERRORS)', () => {
    const raw = new GraphQLError('boom', { originalError: new Error('boom') });
    expect(formatError(withStack('INTERNAL_SERVER_ERROR'), raw, true).extensions).toHaveProperty(
      'stacktrace',
    );
    expect(
      formatError(withStack('BAD_USER_INPUT'), new BadInputError('x', 'first'), false).extensions,
    ).not.toHaveProperty('stacktrace');
  });

  it('names the variable of a coercion error', () => {
    const [definition] = (
      parse('query($t: String!) { __typename }').definitions[0] as OperationDefinitionNode
    ).variableDefinitions!;
    const raw = new GraphQLError(
      'Variable "$t" got invalid value 5; String cannot represent a non string value: 5',
      { nodes: [definition!], extensions: { code: 'BAD_USER_INPUT' } },
    );
    expect(
      formatError({ message: raw.message, extensions: { code: 'BAD_USER_INPUT' } }, raw, false)
        .extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', variable: 't' });
  });

  it('leaves GraphQL validation errors as Apollo coded them', () => {
    const out = formatError(
      { message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('Cannot query field'),
      false,
    );
    expect(out.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(out.message).toBe('Cannot query field');
  });
});

describe('argument validation errors', () => {
  it('become a field-level BAD_USER_INPUT with the first constraint message, without the validator internals', () => {
    const nested = Object.assign(new ValidationError(), {
      property: 'regionCode',
      constraints: { matches: '"x" is not an official region code' },
    });
    const top = Object.assign(new ValidationError(), {
      property: 'filter',
      children: [nested],
      target: { secret: true },
    });
    const raw = new GraphQLError('Argument Validation Error', {
      originalError: new ArgumentValidationError([top]),
    });
    const out = formatError(
      { message: raw.message, extensions: { code: 'BAD_USER_INPUT', validationErrors: [top] } },
      raw,
      false,
    );
    expect(out).toEqual({
      message: '"x" is not an official region code',
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.regionCode' },
    });
  });
});

describe('isServerFault', () => {
  it("is true for unknown errors and integrity faults, false for the client's mistakes", () => {
    expect(isServerFault(new GraphQLError('x', { originalError: new TypeError('x') }))).toBe(true);
    expect(isServerFault(new IntegrityError('practice p refers to a missing region'))).toBe(true);
    expect(isServerFault(new BadInputError('bad', 'first'))).toBe(false);
    expect(
      isServerFault(
        new GraphQLError('Cannot query field', {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ),
    ).toBe(false);
  });
});
