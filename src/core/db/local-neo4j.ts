import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/** Where and how to run one local Neo4j instance (dev and tests each have their own). */
export interface LocalInstance {
  readonly dataDir: string;
  readonly port: number;
  readonly password: string;
  readonly heap: string;
  readonly pageCacheMb: number;
  readonly host?: string;
}

export interface LocalStatus {
  readonly running: boolean;
  readonly pid?: number;
  readonly uri: string;
  readonly dataDir: string;
  readonly logFile: string;
}

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'tools', 'neo4j');
const LAUNCHER_JAR = path.join(LAUNCHER_DIR, 'target', 'zhili-neo4j-launcher-1.0.0.jar');
const MAIN_CLASS = 'dev.zhili.neo4j.LocalNeo4j';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

const files = (i: LocalInstance) => ({
  pid: path.join(i.dataDir, 'neo4j.pid'),
  log: path.join(i.dataDir, 'logs', 'launcher.log'),
});
const uriOf = (i: LocalInstance) => `bolt://${i.host ?? '127.0.0.1'}:${i.port}`;

/** The java binary: $ZHILI_JAVA, then $JAVA_HOME/bin/java, then java on the PATH. */
export function javaBinary(): string {
  if (process.env.ZHILI_JAVA) return process.env.ZHILI_JAVA;
  if (process.env.JAVA_HOME) return path.join(process.env.JAVA_HOME, 'bin', 'java');
  return 'java';
}

/** Neo4j 5.26 runs on Java 17 or 21; say so plainly instead of failing deep in start-up. */
export function checkJava(java = javaBinary()): number {
  const out = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (out.error)
    throw new Error(
      `Java 17 or 21 is required to run the local Neo4j; "${java}" could not be run (${out.error.message}). Install a JDK or set JAVA_HOME.`,
    );
  const match = /version "(\d+)/.exec(`${out.stderr}${out.stdout}`);
  const major = match ? Number(match[1]) : 0;
  if (major < 17)
    throw new Error(
      `Java 17 or 21 is required to run the local Neo4j; "${java}" is Java ${major || 'of unknown version'}.`,
    );
  return major;
}

/** Builds the launcher with Maven the first time (downloads Neo4j from Maven Central, ~125 MB). */
export function ensureLauncherBuilt(log: (line: string) => void = console.log): void {
  if (existsSync(LAUNCHER_JAR) && existsSync(path.join(LAUNCHER_DIR, 'target', 'lib'))) return;
  log(
    'Building the local Neo4j launcher with Maven (first run only: downloads Neo4j 5.26 from Maven Central)…',
  );
  const started = Date.now();
  const mvn = spawnSync(
    'mvn',
    ['-B', '-DskipTests', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package'],
    { stdio: 'inherit' },
  );
  if (mvn.error)
    throw new Error(`Maven is required to build the local Neo4j (${mvn.error.message}).`);
  if (mvn.status !== 0)
    throw new Error(
      `Maven build of tools/neo4j failed (exit ${mvn.status}); see its output above.`,
    );
  log(`Launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

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
  const status = await localStatus(i);
  if (status.running) return { uri: status.uri, startedNow: false, ms: Date.now() - t0 };
  if (status.pid !== undefined) {
    // Alive but Bolt not answering: another start is under way (wait for it rather than start
    // twice) or a stop is (wait until the store is closed, then start anew).
    if ((await waitForReady(i, status.pid)) === 'ready')
      return { uri: status.uri, startedNow: false, ms: Date.now() - t0 };
  }
  // A launcher killed a moment ago may still be exiting (its command line gone, its port not yet
  // closed): wait for that process to end before judging the port.
  const dying = readPid(i);
  if (dying !== undefined && (await portOpen(i.port, i.host))) await exited(dying, 30_000);
  if (await portOpen(i.port, i.host)) {
    throw new Error(
      `Port ${i.port} is already in use by another program; set LOCAL_NEO4J_PORT to a free port (or NEO4J_URI to use that server).`,
    );
  }
  checkJava();
  ensureLauncherBuilt(log);
  const { pid: pidFile, log: logFile } = files(i);
  mkdirSync(path.dirname(logFile), { recursive: true });
  // One log per start, so a READY line can only be this start's.
  const logFd = openSync(logFile, 'w');
  const child = spawn(
    javaBinary(),
    [
      `-Xms256m`,
      `-Xmx${i.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      `${LAUNCHER_JAR}${path.delimiter}${path.join(LAUNCHER_DIR, 'target', 'lib', '*')}`,
      MAIN_CLASS,
    ],
    {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {
        ...process.env,
        ZHILI_DB_HOME: i.dataDir,
        ZHILI_DB_HOST: i.host ?? '127.0.0.1',
        ZHILI_DB_PORT: String(i.port),
        ZHILI_DB_PASSWORD: i.password,
        ZHILI_DB_PAGECACHE_MB: String(i.pageCacheMb),
      },
    },
  );
  closeSync(logFd);
  child.unref();
  if (child.pid === undefined) throw new Error(`Could not start Java; see ${logFile}`);
  writeFileSync(pidFile, String(child.pid));
  if ((await waitForReady(i, child.pid)) === 'exited') {
    throw new Error(`The local Neo4j exited during start-up. Log: ${logFile}\n${tail(logFile)}`);
  }
  return { uri: uriOf(i), startedNow: true, ms: Date.now() - t0 };
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
