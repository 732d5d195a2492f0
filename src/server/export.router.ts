import { type Response, Router } from 'express';
import type { Executor } from '../core/db/executor';
import { ErrorCode, NotFoundError, OverloadedError } from '../core/errors';
import { csvFiles, csvZip } from '../export/export-csv';
import { toGraphml } from '../export/export-graphml';
import { exportAtRevision } from '../export/export.service';
import {
  type ExportScope,
  type GraphDocument,
  toJson,
  withoutEditors,
} from '../export/graph-format';
import { ENTITIES } from '../modules';

/**
 * Downloads of a part of the graph (what a part holds: docs/EXPORT.md):
 *   GET /export/region/:code.json | .graphml | .csv.zip   a region with its subregions
 *   GET /export/model/:slug.json  | .graphml | .csv.zip   a model and its lineage family
 * The JSON is the lossless format `zhili import` reads; the CSV tables come zipped. An unknown
 * region or model is a 404, an unknown format a 400, both as JSON in GraphQL's error shape. A
 * whole-graph export is the command line's (`zhili export`), not a public download. Downloads leave
 * out who edited each fact (`updatedBy`); the lossless file from the command line keeps it.
 */

const FORMATS = {
  json: { type: 'application/json; charset=utf-8', body: (doc: GraphDocument) => toJson(doc) },
  graphml: {
    type: 'application/graphml+xml; charset=utf-8',
    body: (doc: GraphDocument) => toGraphml(doc),
  },
  'csv.zip': {
    type: 'application/zip',
    body: (doc: GraphDocument) => Buffer.from(csvZip(csvFiles(doc))),
  },
} as const;
type Format = keyof typeof FORMATS;

/** Exports build the part in memory: a few at a time, the rest are told to come back shortly. */
const MAX_IN_FLIGHT = 2;

const KINDS = ENTITIES.map(({ label, key }) => ({ label, key }));

function sendError(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .set('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** `530103.csv.zip` → the key and the format, or undefined for a format not offered. */
function parseFile(
  file: string,
): { key: string; format: Format } | { key: string; format?: undefined; asked: string } {
  const format = (Object.keys(FORMATS) as Format[]).find((f) => file.endsWith(`.${f}`));
  if (format) return { key: file.slice(0, -format.length - 1), format };
  const dot = file.indexOf('.');
  return { key: dot < 0 ? file : file.slice(0, dot), asked: dot < 0 ? '' : file.slice(dot + 1) };
}

/** The response header that names the revision an export was read at. */
export const REVISION_HEADER = 'zhili-revision';

export function exportRouter(executor: Executor, cacheSeconds: number): Router {
  const router = Router();
  let inFlight = 0;
  router.get('/:part/:file', async (req, res, next) => {
    const { part, file } = req.params;
    if (part !== 'region' && part !== 'model') return next();
    const parsed = parseFile(file);
    if (parsed.format === undefined) {
      sendError(
        res,
        400,
        ErrorCode.BAD_USER_INPUT,
        `No export format ${JSON.stringify(parsed.asked.slice(0, 20))}: ask for .json, .graphml or .csv.zip`,
      );
      return;
    }
    const scope: ExportScope =
      part === 'region'
        ? { kind: 'region', code: parsed.key }
        : { kind: 'model', slug: parsed.key };
    if (inFlight >= MAX_IN_FLIGHT) return next(new OverloadedError(1));
    inFlight += 1;
    try {
      const read = await exportAtRevision(executor, scope, KINDS);
      const doc = withoutEditors(read.value);
      const { type, body } = FORMATS[parsed.format];
      res
        .set('content-type', type)
        .set(
          'content-disposition',
          `attachment; filename="zhili-${part}-${encodeURIComponent(parsed.key)}.${parsed.format}"`,
        )
        .set('cache-control', cacheSeconds > 0 ? `public, max-age=${cacheSeconds}` : 'no-store')
        // The graph's revision the file was read at, so a download can be cited and compared.
        .set(REVISION_HEADER, String(read.revision))
        .send(body(doc));
    } catch (error) {
      if (error instanceof NotFoundError) sendError(res, 404, ErrorCode.NOT_FOUND, error.message);
      else next(error);
    } finally {
      inFlight -= 1;
    }
  });
  return router;
}
