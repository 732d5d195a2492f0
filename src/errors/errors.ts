import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Stable codes clients may branch on. Never rename one; add new ones. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  CONFLICT: 'CONFLICT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base of every error the API raises on purpose. */
export class AppError extends GraphQLError {
  constructor(message: string, readonly code: ErrorCode, extensions: Record<string, unknown> = {}, cause?: unknown) {
    super(message, { extensions: { ...extensions, code }, originalError: cause instanceof Error ? cause : undefined });
    this.name = new.target.name;
  }
}

export class BadInputError extends AppError {
  constructor(message: string, field?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, field ? { field } : {});
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, key: string) {
    super(`${what} ${JSON.stringify(key)} does not exist`, ErrorCode.NOT_FOUND, { what, key });
  }
}

export class QueryTooComplexError extends AppError {
  constructor(cost: number, limit: number) {
    // Rejected before execution: a client error, so HTTP 400 (Apollo reads and strips `http`).
    super(`Query cost ${cost} exceeds the limit of ${limit}: ask for fewer items or less depth`, ErrorCode.QUERY_TOO_COMPLEX, { cost, limit, http: { status: 400 } });
  }
}

export class QueryTimeoutError extends AppError {
  constructor(cause?: unknown) {
    super('The database query took too long and was stopped', ErrorCode.QUERY_TIMEOUT, {}, cause);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(message, ErrorCode.CONFLICT, {}, cause);
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super('The database is unavailable; try again shortly', ErrorCode.DATABASE_UNAVAILABLE, {}, cause);
  }
}

export class InternalError extends AppError {
  constructor(cause?: unknown) {
    super('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR, {}, cause);
  }
}

/**
 * Apollo's formatError hook: our own errors pass as they are; GraphQL validation errors keep
 * Apollo's codes; anything else becomes INTERNAL_SERVER_ERROR with no message detail. Stack
 * traces are shown only outside production.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const known = original instanceof AppError || (formatted.extensions?.code !== undefined && formatted.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR);
  const result: GraphQLFormattedError = known
    ? formatted
    : { ...formatted, message: 'Internal server error', extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
  if (production && result.extensions && 'stacktrace' in result.extensions) {
    const { stacktrace: _dropped, ...rest } = result.extensions;
    return { ...result, extensions: rest };
  }
  return result;
}
