import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/core/config';
import type { LoadReport, LoadSpec } from './load-client';

const run = promisify(execFile);

/**
 * A load run in a process of its own (load-client.ts), so the client does not compete with the
 * server's event loop.
 */
export async function loadInProcess(spec: LoadSpec): Promise<LoadReport> {
  const script = path.join(PROJECT_ROOT, 'test', 'support', 'load-client.ts');
  const { stdout } = await run(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', script, JSON.stringify(spec)],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TS_NODE_PROJECT: path.join(PROJECT_ROOT, 'tsconfig.json') },
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadReport;
}
