import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * The Java side of the local Neo4j: the JDK it needs, the launcher (tools/neo4j) built once with
 * Maven, and the detached process that runs it. local-neo4j.ts decides when to start and stop.
 */
/** Where and how to run one local Neo4j instance (dev and tests each have their own). */
export interface LocalInstance {
  readonly dataDir: string;
  readonly port: number;
  readonly password: string;
  readonly heap: string;
  readonly pageCacheMb: number;
  readonly host?: string;
}

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'tools', 'neo4j');
const LAUNCHER_JAR = path.join(LAUNCHER_DIR, 'target', 'zhili-neo4j-launcher-1.0.0.jar');
export const MAIN_CLASS = 'dev.zhili.neo4j.LocalNeo4j';
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
    'Building the local Neo4j launcher with Maven (first run only: downloads Neo4j 5.26 from ' +
      'Maven Central)…',
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

/** Starts the launcher detached, logging to `logFile` (one log per start); returns its pid. */
export function spawnLauncher(i: LocalInstance, logFile: string): number {
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
  return child.pid;
}
