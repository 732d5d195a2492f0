#!/usr/bin/env node
'use strict';
/**
 * `npx zhili <command>`: npm (7 and later) runs a project's own bin from anywhere inside it, so
 * this works in a fresh clone after `npm ci`, with no build. The TypeScript runs through ts-node
 * (transpile only, as scripts/*.ts do); where dev dependencies are not installed (a production
 * image), the built tool in dist/ runs instead (`npm run build`).
 */
const path = require('node:path');

const root = path.join(__dirname, '..');
let tsNode;
try {
  tsNode = require.resolve('ts-node', { paths: [root] });
} catch {
  tsNode = undefined;
}
let entry = path.join(root, 'dist', 'src', 'cli', 'zhili.js');
if (tsNode) {
  require(tsNode).register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  entry = path.join(root, 'src', 'cli', 'zhili.ts');
}
require('reflect-metadata');
require(entry)
  .main()
  .catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
