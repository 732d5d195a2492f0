import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  checkJava,
  ensureLauncherBuilt,
  type LocalInstance,
  MAIN_CLASS,
  spawnLauncher,
} from './local-launcher';

export type { LocalInstance } from './local-launcher';

export interface LocalStatus {
  readonly running: boolean;
  readonly pid?: number;
  readonly uri: string;
  readonly dataDir: string;
  readonly logFile: string;
}

const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

const files = (i: LocalInstance) => ({
  pid: path.join(i.dataDir, 'neo4j.pid'),
  log: path.join(i.dataDir, 'logs', 'launcher.log'),
});
const uriOf = (i: LocalInstance) => `bolt://${i.host ?? '127.0.0.1'}:${i.port}`;

function readPid(i: LocalInstance): number | undefined {
  const file = files(i).pid;
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** True when `pid` is alive and is our launcher (not a recycled pid). */
function isOurs(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes(MAIN_CLASS);
}

function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/** Waits until no process has `pid` (or `ms` pass). */
async function exited(pid: number, ms: number): Promise<void> {
  for (
    const until = Date.now() + ms;
    Date.now() < until;
    await new Promise((r) => setTimeout(r, 50))
  ) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}

/** Running means: our process is alive and Bolt accepts connections. */
export async function localStatus(i: LocalInstance): Promise<LocalStatus> {
  const pid = readPid(i);
  const alive = pid !== undefined && isOurs(pid);
  const running = alive && (await portOpen(i.port, i.host));
  return {
    running,
    pid: alive ? pid : undefined,
    uri: uriOf(i),
    dataDir: i.dataDir,
    logFile: files(i).log,
  };
}

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return '(no log written)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Starts the instance unless it is already running. Safe to call twice. */
export async function startLocalNeo4j(
  i: LocalInstance,
  log: (line: string) => void = console.log,
): Promise<{ uri: string; startedNow: boolean; ms: number }> {
  const t0 = Date.now();
  if (await alreadyUp(i)) return { uri: uriOf(i), startedNow: false, ms: Date.now() - t0 };
  await ensurePortFree(i);
  checkJava();
  ensureLauncherBuilt(log);
  const { pid: pidFile, log: logFile } = files(i);
  const pid = spawnLauncher(i, logFile);
  writeFileSync(pidFile, String(pid));
  if ((await waitForReady(i, pid)) === 'exited') {
    throw new Error(`The local Neo4j exited during start-up. Log: ${logFile}\n${tail(logFile)}`);
  }
  return { uri: uriOf(i), startedNow: true, ms: Date.now() - t0 };
}

/**
 * Whether the instance runs, or becomes ready: a start already under way is waited for, not
 * repeated.
 */
async function alreadyUp(i: LocalInstance): Promise<boolean> {
  const status = await localStatus(i);
  if (status.running) return true;
  // Alive but Bolt not answering: another start is under way (wait for it rather than start
  // twice) or a stop is (wait until the store is closed, then start anew).
  return status.pid !== undefined && (await waitForReady(i, status.pid)) === 'ready';
}

/** Throws unless the port is free once a launcher that is still exiting has gone. */
async function ensurePortFree(i: LocalInstance): Promise<void> {
  // A launcher killed a moment ago may still be exiting (its command line gone, its port not yet
  // closed): wait for that process to end before judging the port.
  const dying = readPid(i);
  if (dying !== undefined && (await portOpen(i.port, i.host))) await exited(dying, 30_000);
  if (await portOpen(i.port, i.host)) {
    throw new Error(
      `Port ${i.port} is already in use by another program; set LOCAL_NEO4J_PORT to a free port (or NEO4J_URI to use that server).`,
    );
  }
}

/** Waits until the process answers on Bolt after its READY line, or exits. */
async function waitForReady(i: LocalInstance, pid: number): Promise<'ready' | 'exited'> {
  const logFile = files(i).log;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isOurs(pid)) {
      forgetPid(i, pid);
      return 'exited';
    }
    const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    const stopping = text.includes('LocalNeo4j: shutting down');
    if (!stopping && text.includes('LocalNeo4j: READY') && (await portOpen(i.port, i.host)))
      return 'ready';
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `The local Neo4j did not become ready within ${START_TIMEOUT_MS / 1000} s. Log: ${logFile}\n${tail(logFile)}`,
  );
}

/** Removes the pid file only while it still names `pid`: a start that raced ahead keeps its own. */
function forgetPid(i: LocalInstance, pid: number | undefined): void {
  if (readPid(i) === pid) rmSync(files(i).pid, { force: true });
}

/** Stops the instance if it runs; waits until the process has exited so its store is closed. */
export async function stopLocalNeo4j(i: LocalInstance): Promise<{ stopped: boolean }> {
  const pid = readPid(i);
  if (pid === undefined || !isOurs(pid)) {
    if (pid !== undefined) forgetPid(i, pid);
    return { stopped: false };
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isOurs(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isOurs(pid)) process.kill(pid, 'SIGKILL');
  forgetPid(i, pid);
  return { stopped: true };
}
