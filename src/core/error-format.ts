import { GraphQLError, type GraphQLFormattedError, Kind } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from './errors';

/**
 * What a client sees of an error, and whether the server is to blame for it: the catalogue of
 * errors is errors.ts, this is how they (and graphql-js's and type-graphql's) are answered.
 */
/** Codes that mean the server, not the client, is at fault: always logged with their cause. */
const SERVER_FAULTS: ReadonlySet<string> = new Set([
  ErrorCode.INTERNAL_SERVER_ERROR,
  ErrorCode.INTEGRITY_ERROR,
]);

/**
 * graphql-js stops coercing a request's variables after 50 errors with this notice, which has no
 * code: the client's variables are at fault, as in each error before it.
 */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached.';
const isVariableLimit = (error: unknown): boolean =>
  error instanceof GraphQLError &&
  !error.originalError &&
  error.message.startsWith(VARIABLE_ERROR_LIMIT);

const unwrap = (error: unknown): unknown =>
  error instanceof GraphQLError ? (error.originalError ?? error) : error;

/** An argument that failed its class-validator constraints → the field path and first message. */
function validationProblem(error: ArgumentValidationError): { field: string; message: string } {
  let node: (typeof error.extensions.validationErrors)[number] | undefined =
    error.extensions.validationErrors[0];
  const path: string[] = [];
  while (node) {
    path.push(node.property);
    const message = Object.values(node.constraints ?? {})[0];
    if (message) return { field: path.join('.'), message };
    node = node.children?.[0];
  }
  return { field: path.join('.'), message: 'invalid argument' };
}

/**
 * Whether the server is at fault for `error` (an unknown error, or one of SERVER_FAULTS): such
 * errors are logged with their cause; unknown ones reach the client masked.
 */
export function isServerFault(error: unknown): boolean {
  const original = unwrap(error);
  if (original instanceof AppError) return SERVER_FAULTS.has(original.code);
  if (original instanceof ArgumentValidationError || isVariableLimit(error)) return false;
  return (
    !(error instanceof GraphQLError) ||
    error.extensions?.code === undefined ||
    SERVER_FAULTS.has(String(error.extensions.code))
  );
}

/** The variable a coercion error is about (graphql-js reports it on the variable's definition). */
function variableAtFault(error: unknown): string | undefined {
  const node = error instanceof GraphQLError ? error.nodes?.[0] : undefined;
  return node?.kind === Kind.VARIABLE_DEFINITION ? node.variable.name.value : undefined;
}

/**
 * Apollo's formatError hook: our own errors pass as they are; argument validation becomes a
 * field-level BAD_USER_INPUT; a variable that does not fit its type is a BAD_USER_INPUT naming it
 * (`variable`); GraphQL validation errors keep Apollo's codes; anything else becomes
 * INTERNAL_SERVER_ERROR with no detail. Stack traces are shown only with `debug` (DEBUG_ERRORS).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  debug: boolean,
): GraphQLFormattedError {
  const original = unwrap(error);
  const variable = variableAtFault(error);
  let result = formatted;
  if (original instanceof ArgumentValidationError) {
    const { field, message } = validationProblem(original);
    result = { ...formatted, message, extensions: { code: ErrorCode.BAD_USER_INPUT, field } };
  } else if (isVariableLimit(error)) {
    result = { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  } else if (variable !== undefined && formatted.extensions?.code === ErrorCode.BAD_USER_INPUT) {
    result = { ...formatted, extensions: { ...formatted.extensions, variable } };
  } else if (
    !(original instanceof AppError) &&
    (formatted.extensions?.code === undefined ||
      formatted.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR)
  ) {
    // Only the code (and, when debugging, the trace): nothing the failure carried reaches the
    // client.
    result = {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  const { stacktrace, ...extensions } = result.extensions ?? {};
  const trace = stacktrace ?? formatted.extensions?.stacktrace;
  return {
    ...result,
    extensions: debug && trace ? { ...extensions, stacktrace: trace } : extensions,
  };
}
