import { GraphQLError } from 'graphql';

/** Stable codes clients may branch on. Never rename one; add new ones. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  CONFLICT: 'CONFLICT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /**
   * The database went away during a write: it may or may not have been made. Retrying is safe
   * (HTTP 503).
   */
  WRITE_OUTCOME_UNKNOWN: 'WRITE_OUTCOME_UNKNOWN',
  OVERLOADED: 'OVERLOADED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  INTEGRITY_ERROR: 'INTEGRITY_ERROR',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /**
   * A request HTTP cannot carry: a body that is not JSON, a POST that is not application/json
   * (Apollo's code too).
   */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A body over the size limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A report file of a kind the desk does not read (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** A report file that could not be read as one: no text layer, broken, empty (HTTP 422). */
  DOCUMENT_UNREADABLE: 'DOCUMENT_UNREADABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base of every error the API raises on purpose. */
export class AppError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    extensions: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, {
      extensions: { ...extensions, code },
      originalError: cause instanceof Error ? cause : undefined,
    });
    this.name = new.target.name;
  }
}

/**
 * The extensions of an answer to come back later: its status and Retry-After (Apollo reads and
 * strips `http`).
 */
const retryLater = (status: number, seconds: number): Record<string, unknown> => ({
  retryAfter: seconds,
  http: { status, headers: new Map([['retry-after', String(seconds)]]) },
});

export class BadInputError extends AppError {
  constructor(message: string, field?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, field ? { field } : {});
  }
}

/**
 * Input that breaks several rules at once: every problem with the path of its field
 * (`fact.citations.0`).
 */
export class InvalidInputError extends AppError {
  constructor(message: string, problems: ReadonlyArray<{ field: string; message: string }>) {
    super(
      `${message}: ${problems
        .map((p) => `${p.field || '(input)'}: ${p.message}`)
        .slice(0, 5)
        .join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`,
      ErrorCode.BAD_USER_INPUT,
      {
        field: problems[0]?.field ?? null,
        problems: problems.map((p) => ({ field: p.field, message: p.message })),
      },
    );
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
    super(
      `Query cost ${cost} exceeds the limit of ${limit}: ask for fewer items or less depth`,
      ErrorCode.QUERY_TOO_COMPLEX,
      { cost, limit, http: { status: 400 } },
    );
  }
}

export class QueryTimeoutError extends AppError {
  constructor(cause?: unknown) {
    super('The database query took too long and was stopped', ErrorCode.QUERY_TIMEOUT, {}, cause);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, cause?: unknown, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extensions, cause);
  }
}

/**
 * Neo4j cannot be reached: 503 with Retry-After, so clients and proxies back off instead of
 * retrying at once.
 */
export class DatabaseUnavailableError extends AppError {
  constructor(cause?: unknown, retryAfterSeconds = 1) {
    super(
      'The database is unavailable; try again shortly',
      ErrorCode.DATABASE_UNAVAILABLE,
      retryLater(503, retryAfterSeconds),
      cause,
    );
  }
}

/**
 * A write whose transaction lost the database before it could tell whether it committed. Every
 * mutation is idempotent for its caller (a step repeated at the version it was taken at, a
 * proposal with its clientMutationId or the same fact), so sending the same request again is
 * safe and answers with what happened.
 */
export class WriteOutcomeUnknownError extends AppError {
  constructor(cause?: unknown, retryAfterSeconds = 1) {
    super(
      'The database went away during this write: it may or may not have been made. Send the ' +
        'same request again: it is safe, and answers with the outcome',
      ErrorCode.WRITE_OUTCOME_UNKNOWN,
      retryLater(503, retryAfterSeconds),
      cause,
    );
  }
}

/**
 * Too much work in flight (or no free database connection): shed at once, to be retried shortly.
 */
export class OverloadedError extends AppError {
  constructor(retryAfterSeconds: number, cause?: unknown) {
    super(
      'The service is busy; try again shortly',
      ErrorCode.OVERLOADED,
      retryLater(503, retryAfterSeconds),
      cause,
    );
  }
}

/** No credentials, or credentials that are not valid (unknown, revoked or expired). */
export class UnauthenticatedError extends AppError {
  constructor(message = 'This operation needs a valid bearer token') {
    super(message, ErrorCode.UNAUTHENTICATED, { http: { status: 401 } });
  }
}

/** Valid credentials whose role may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.FORBIDDEN, { http: { status: 403 } });
  }
}

/** Too many writes from one key or address in the current window. */
export class RateLimitedError extends AppError {
  constructor(
    retryAfterSeconds: number,
    message = `Too many requests; try again in ${retryAfterSeconds} s`,
  ) {
    super(message, ErrorCode.RATE_LIMITED, retryLater(429, retryAfterSeconds));
  }
}

/**
 * The graph lacks a node it should have (a practice in a region that is not there) or holds a
 * value of the wrong shape: a fault of the data, not of the request, and never "not found".
 */
export class IntegrityError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(`The graph is inconsistent: ${message}`, ErrorCode.INTEGRITY_ERROR, {}, cause);
  }
}

/** Something `from` refers to (`what` with `key`) is missing from the graph. */
export function missing(what: string, key: string, from: string): IntegrityError {
  return new IntegrityError(
    `${from} refers to ${what} ${JSON.stringify(key)}, which is not in the graph`,
  );
}

export class InternalError extends AppError {
  constructor(cause?: unknown) {
    super('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR, {}, cause);
  }
}

/** A report file the desk does not read (POST /review/reports). */
export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.UNSUPPORTED_MEDIA_TYPE, { http: { status: 415 } });
  }
}

/** A report file that cannot be read as a report: no text layer, broken, empty. */
export class DocumentUnreadableError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(message, ErrorCode.DOCUMENT_UNREADABLE, { http: { status: 422 } }, cause);
  }
}

/** A body larger than its route takes. */
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.PAYLOAD_TOO_LARGE, { http: { status: 413 } });
  }
}
