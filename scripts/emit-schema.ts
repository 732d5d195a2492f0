import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config';
import { printSdl } from '../src/server/schema';

/** Writes schema/schema.graphql from the code; a test fails when the committed file differs. */
printSdl().then((sdl) => {
  const file = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
  writeFileSync(file, sdl);
  console.log(`Wrote ${path.relative(PROJECT_ROOT, file)} (${sdl.split('\n').length} lines).`);
});
