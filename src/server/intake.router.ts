import path from 'node:path';
import express, { type ErrorRequestHandler, type Response, Router } from 'express';
import { limitWrite } from '../auth/write-limits';
import { hasRole } from '../core/context';
import type { Executor } from '../core/db/executor';
import {
  AppError,
  DocumentUnreadableError,
  ErrorCode,
  ForbiddenError,
  InvalidInputError,
  OverloadedError,
  PayloadTooLargeError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from '../core/errors';
import type { Logger } from '../core/logger';
import { DocumentError } from '../document/document-error';
import { takeInReport } from '../intake/intake.service';
import type { RequestAuth } from './request-auth';

/**
 * POST /review/reports?name=<file name>: the review desk's upload. The body is the report file's
 * bytes; an editor's key is needed. The report is drafted on the server into a new change set
 * (intake.service.ts), answered with 201 and the set's id. Errors are JSON with a code, as
 * /graphql's are.
 */

/**
 * Drafts at once: a draft reads the gazetteer and takes a core for seconds, so more wait for a
 * retry (503 OVERLOADED) rather than starve the API's reads.
 */
const MAX_DRAFTING = 2;
const EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.pdf'];
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The HTTP status of an error the desk's client caused (the rest keep their own, or 500). */
const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
};

function send(res: Response, status: number, body: unknown): void {
  res
    .status(status)
    .set('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

function sendError(res: Response, error: AppError): void {
  const http = error.extensions.http as
    { status?: number; headers?: Map<string, string> } | undefined;
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  const status = http?.status ?? STATUS[error.code] ?? 500;
  send(res, status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
}

/** The file name the query gives, checked: a plain name with an extension the desk reads. */
function fileNameOf(query: unknown): string {
  const name = typeof query === 'string' ? path.basename(query.trim()) : '';
  if (!name || name.length > 200)
    throw new InvalidInputError('Name the file', [
      { field: 'name', message: 'give ?name=<file name> (at most 200 characters)' },
    ]);
  if (!EXTENSIONS.includes(path.extname(name).toLowerCase()))
    throw new UnsupportedMediaTypeError(
      `${name} is not a report file the desk reads: send ${EXTENSIONS.join(', ')}`,
    );
  return name;
}

/** A document the reader refused, as the desk's client is told. */
function documentRefusal(error: DocumentError): AppError {
  if (error.problem === 'UNSUPPORTED_TYPE' || error.problem === 'TYPE_MISMATCH')
    return new UnsupportedMediaTypeError(error.message);
  if (error.problem === 'TOO_LARGE') return new PayloadTooLargeError(error.message);
  return new DocumentUnreadableError(error.message, error);
}

export function intakeRouter(deps: {
  executor: Executor;
  auth: RequestAuth;
  maxBytes: number;
  log: Logger;
}): Router {
  const router = Router();
  let drafting = 0;
  const tooLarge: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : '';
    if (type !== 'entity.too.large') return next(error);
    sendError(
      res,
      new PayloadTooLargeError(`A report file may have at most ${deps.maxBytes} bytes`),
    );
  };
  // Mounted at UPLOAD_PATH.
  router.post(
    '/',
    express.raw({ type: () => true, limit: deps.maxBytes }),
    async (req, res, next) => {
      try {
        const caller = deps.auth.callerOf(req);
        if (!caller.user) throw new UnauthenticatedError('Sign in with an editor’s API key');
        if (!hasRole(caller.user, 'EDITOR'))
          throw new ForbiddenError('Taking in a report needs the editor role');
        const fileName = fileNameOf(req.query.name);
        const published = typeof req.query.published === 'string' ? req.query.published : undefined;
        if (published !== undefined && !OFFSET_DATE_TIME.test(published))
          throw new InvalidInputError('The report’s date is not readable', [
            {
              field: 'published',
              message: 'an ISO 8601 date-time with offset, e.g. 2024-01-15T00:00:00+08:00',
            },
          ]);
        await limitWrite(caller);
        if (drafting >= MAX_DRAFTING) throw new OverloadedError(5);
        const bytes = new Uint8Array(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
        drafting += 1;
        const result = await takeInReport(deps.executor, caller.user, {
          bytes,
          fileName,
          published,
        }).finally(() => (drafting -= 1));
        deps.log.info(
          { changeSet: result.changeSet.id, proposed: result.proposed },
          'report taken in',
        );
        send(res, 201, result);
      } catch (error) {
        if (error instanceof DocumentError) return sendError(res, documentRefusal(error));
        if (error instanceof AppError && (error.extensions.http || STATUS[error.code]))
          return sendError(res, error);
        next(error);
      }
    },
  );
  router.use(tooLarge);
  return router;
}
