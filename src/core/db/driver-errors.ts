import { Neo4jError } from 'neo4j-driver';
import {
  AppError,
  ConflictError,
  DatabaseUnavailableError,
  InternalError,
  OverloadedError,
  QueryTimeoutError,
} from '../errors';

/**
 * What a driver or server error means for the API, decided here once (as @neo4j/graphql's
 * Executor.formatError is one place): the executor maps its failures with it and tells the
 * breaker when the database is unavailable; the breaker opens on the same rule for its probes.
 */
type Verdict = 'busy' | 'unavailable' | 'timeout' | 'conflict' | 'other';

/** The driver's pool had no free connection in time: the database is busy, not down. */
const POOL_EXHAUSTED = /acquisition timed out/i;
const CONNECT_FAILED = /connection.*(refused|timed out)/i;
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

function verdictOf(error: Neo4jError): Verdict {
  const code = error.code ?? '';
  if (POOL_EXHAUSTED.test(error.message)) return 'busy';
  if (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable')
  )
    return 'unavailable';
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    code === 'Neo.TransientError.Transaction.LockClientStopped'
  )
    return 'timeout';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return 'conflict';
  return CONNECT_FAILED.test(error.message) ? 'unavailable' : 'other';
}

/**
 * Whether this failure means the database is unavailable (unreachable, refused, reset, gone, or
 * refusing our credentials or database): what opens the breaker and makes a write's outcome
 * unknown. An exhausted pool or a slow query is a busy database, not an unavailable one; an
 * error the API raised itself (an AppError) is no driver failure.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof Neo4jError && verdictOf(error) === 'unavailable';
}

/** Driver and server errors → the API's error catalogue. */
export function mapDriverError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof Neo4jError)) return new InternalError(error);
  switch (verdictOf(error)) {
    case 'busy':
      return new OverloadedError(1, error);
    case 'unavailable':
      return new DatabaseUnavailableError(error);
    case 'timeout':
      return new QueryTimeoutError(error);
    case 'conflict':
      return new ConflictError('The change conflicts with existing data', error);
    default:
      return new InternalError(error);
  }
}
