import { Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors';
import { isDatabaseUnavailable, mapDriverError } from './driver-errors';

/** Errors as neo4j-driver 6 makes them: message, code, GQL status and its description. */
const driverError = (message: string, code: string, gqlStatus = '50N42') =>
  new Neo4jError(message, code, gqlStatus, 'error');

const refused = driverError(
  'Failed to connect to server. Caused by: connect ECONNREFUSED 127.0.0.1:7687',
  'ServiceUnavailable',
  '08000',
);
const poolExhausted = driverError(
  'Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 50, Idle conn count = 0.',
  'N/A',
);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', refused],
    ['an expired session', driverError('session expired', 'SessionExpired')],
    [
      'a database that is not available',
      driverError('database offline', 'Neo.TransientError.General.DatabaseUnavailable'),
    ],
    [
      'credentials the server refuses',
      driverError('unauthorized', 'Neo.ClientError.Security.Unauthorized'),
    ],
    ['a connection that timed out', driverError('Connection timed out after 2000 ms', 'N/A')],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(mapDriverError(error).code).toBe('DATABASE_UNAVAILABLE');
  });

  it.each([
    [
      'a syntax error',
      driverError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42000'),
    ],
    ['an exhausted pool (busy, not down)', poolExhausted],
    [
      'a query that timed out',
      driverError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOut'),
    ],
    [
      'a broken constraint',
      driverError('already exists', 'Neo.ClientError.Schema.ConstraintValidationFailed'),
    ],
    ['an error that is not the driver’s', new Error('ECONNREFUSED')],
    ['an error the API raised itself', new DatabaseUnavailableError()],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('mapDriverError', () => {
  it('maps an exhausted pool to OVERLOADED (503, Retry-After), never to DATABASE_UNAVAILABLE', () => {
    const mapped = mapDriverError(poolExhausted);
    expect(mapped.code).toBe('OVERLOADED');
    expect((mapped.extensions.http as { status: number }).status).toBe(503);
  });

  it('maps a refused connection to DATABASE_UNAVAILABLE with 503 and Retry-After', () => {
    const http = mapDriverError(refused).extensions.http as {
      status: number;
      headers: Map<string, string>;
    };
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toBe('1');
  });

  it('maps timeouts, conflicts and the rest by code', () => {
    const code = (error: unknown) => mapDriverError(error).code;
    expect(code(driverError('x', 'Neo.ClientError.Transaction.TransactionTimedOut'))).toBe(
      'QUERY_TIMEOUT',
    );
    expect(code(driverError('x', 'Neo.TransientError.Transaction.LockClientStopped'))).toBe(
      'QUERY_TIMEOUT',
    );
    expect(code(driverError('x', 'Neo.ClientError.Schema.ConstraintValidationFailed'))).toBe(
      'CONFLICT',
    );
    expect(code(driverError('x', 'Neo.ClientError.Statement.SyntaxError'))).toBe(
      'INTERNAL_SERVER_ERROR',
    );
    expect(code(new TypeError('x'))).toBe('INTERNAL_SERVER_ERROR');
    const own = new DatabaseUnavailableError(undefined, 7);
    expect(mapDriverError(own)).toBe(own);
  });
});
