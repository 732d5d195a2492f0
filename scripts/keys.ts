import 'reflect-metadata';
import { loadDotEnv } from '../src/core/config';
import { runKeys } from './keys.command';

/**
 * npm run keys -- create --name alice --role editor | list | revoke <id>   (`--help` on each).
 * Exit codes: 0 done, 1 failed (database, configuration), 2 usage error, 3 no such key.
 */
loadDotEnv();
runKeys(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
