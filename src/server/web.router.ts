import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Request, type RequestHandler, Router } from 'express';
import Negotiator from 'negotiator';
import { PROJECT_ROOT } from '../core/config';
import { ErrorCode } from '../core/errors';

/**
 * Where `npm run build:web` writes the explorer, the IDE and the widget (see web/vite.config.ts).
 */
export const WEB_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

/**
 * Explorer pages a browser may open directly (the explorer routes with the History API, so a
 * shared or bookmarked URL reaches the server): each is answered with index.html. Listed one by
 * one so that no other path (/graphql, /health, /export, /embed, a typo) is shadowed.
 */
const EXPLORER_ROUTES = [
  '/',
  '/search',
  '/model/:slug',
  '/region/:code',
  '/compare',
  '/practice/:key',
  '/source/:key',
  '/chart',
  '/principle/:slug',
  // The review desk (web/src/pages/review.tsx); its upload, POST /review/reports, is not a GET.
  '/review',
];

/**
 * Hashed file names change with their content: a browser may keep them for a year without asking.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and the widget's fixed URL: revalidated (ETag), so a new build is seen at once. */
const REVALIDATE = 'no-cache';
/**
 * /embed.js sits on portals' pages: a CDN may share it a few minutes, then picks up a new build.
 */
const EMBED_SCRIPT = 'public, max-age=300';

/**
 * The media types Apollo chooses between before it serves its landing page (its `prefersHTML`):
 * the IDE is served exactly where Apollo's landing page was, so every other GET is untouched.
 */
const APOLLO_MEDIA_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'multipart/mixed; deferSpec=20220824',
  'multipart/mixed; incrementalSpec=v0.2',
  'multipart/mixed',
  'text/html',
];

const prefersHtml = (req: Request): boolean =>
  req.method === 'GET' &&
  !!req.headers.accept &&
  new Negotiator({ headers: { accept: req.headers.accept } }).mediaType(APOLLO_MEDIA_TYPES) ===
    'text/html';

/**
 * Answered while the bundle is missing (a checkout that was never built): what to run, not a crash.
 */
function notBuilt(webDir: string): RequestHandler {
  const message = `The web explorer is not built (${path.relative(PROJECT_ROOT, webDir) || webDir} is missing): run \`npm run build\` (\`npm start\` does). The GraphQL API is at /graphql.`;
  return (_req, res) => {
    res.status(404).set('cache-control', 'no-store');
    res.format({
      html: () =>
        res.send(
          `<!doctype html><html lang="en"><meta charset="utf-8"><title>Zhili</title><p>${message.replace(/`/g, '')}</p></html>`,
        ),
      default: () => res.json({ errors: [{ message, extensions: { code: ErrorCode.NOT_FOUND } }] }),
    });
  };
}

const compress = compression();

/**
 * Sends one built file, compressed; when it is missing, `missing` answers, or the request goes on
 * (to the API).
 */
function file(full: string, cacheControl: string, missing?: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (!existsSync(full)) return missing ? missing(req, res, next) : next();
    compress(req, res, () =>
      res.sendFile(
        full,
        { headers: { 'cache-control': cacheControl }, cacheControl: false },
        (err) => err && next(err),
      ),
    );
  };
}

export interface WebOptions {
  /** The built bundle; dist/web by default. */
  readonly webDir?: string;
}

/**
 * The web front end, served by the API on its own port: the explorer (history routes answered
 * with index.html), its hashed assets, the GraphQL IDE for a browser's GET of /graphql, and the
 * embeddable widget (/embed.js, /embed/demo.html). Compressed here only, so /graphql's answers
 * are exactly what they were. Without a bundle, explorer pages say how to build it and
 * /graphql keeps Apollo's own behaviour.
 */
export function webRouter(options: WebOptions = {}): Router {
  const webDir = options.webDir ?? WEB_DIR;
  const router = Router();
  // Pages are only read: any other method leaves at once, before a route could answer it (Express
  // answers OPTIONS for the routes it knows, which would shadow /graphql's CORS preflight).
  router.use((req, _res, next) =>
    next(req.method === 'GET' || req.method === 'HEAD' ? undefined : 'router'),
  );
  const ide = file(path.join(webDir, 'graphiql.html'), REVALIDATE);
  router.get('/graphql', (req, res, next) => (prefersHtml(req) ? ide(req, res, next) : next()));
  router.get(EXPLORER_ROUTES, file(path.join(webDir, 'index.html'), REVALIDATE, notBuilt(webDir)));
  router.get('/embed.js', file(path.join(webDir, 'embed.js'), EMBED_SCRIPT));
  router.use(
    '/assets',
    compress,
    express.static(path.join(webDir, 'assets'), {
      index: false,
      cacheControl: false,
      setHeaders: (res) => res.set('cache-control', IMMUTABLE),
    }),
  );
  router.use(
    '/embed',
    compress,
    express.static(path.join(webDir, 'embed'), {
      index: false,
      cacheControl: false,
      setHeaders: (res) => res.set('cache-control', REVALIDATE),
    }),
  );
  return router;
}
