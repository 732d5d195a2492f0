import { loadConfig, loadDotEnv } from '../src/core/config';
import { devInstance, testInstance } from '../src/core/db/local-instances';
import { ensureLauncherBuilt } from '../src/core/db/local-launcher';
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';

/** npm run db:start | db:stop | db:status | db:build  [--test]: manage the local Neo4j. */
async function run(command: string | undefined, useTest: boolean): Promise<number> {
  loadDotEnv();
  const instance = useTest ? testInstance() : devInstance(loadConfig());
  switch (command) {
    case 'build':
      ensureLauncherBuilt();
      return 0;
    case 'start': {
      const r = await startLocalNeo4j(instance);
      console.log(
        r.startedNow
          ? `Neo4j started at ${r.uri} in ${(r.ms / 1000).toFixed(1)} s (data: ${instance.dataDir}).`
          : `Neo4j already running at ${r.uri}.`,
      );
      return 0;
    }
    case 'stop': {
      const r = await stopLocalNeo4j(instance);
      console.log(r.stopped ? 'Neo4j stopped.' : 'Neo4j was not running.');
      return 0;
    }
    case 'status': {
      const s = await localStatus(instance);
      console.log(
        s.running
          ? `running: ${s.uri} (pid ${s.pid}, data ${s.dataDir}, log ${s.logFile})`
          : s.pid
            ? `starting, stopping or unhealthy: pid ${s.pid}, Bolt not answering on ${s.uri} (log ${s.logFile})`
            : `stopped (data ${s.dataDir})`,
      );
      return s.running ? 0 : 3;
    }
    default:
      console.error('usage: db.ts build|start|stop|status [--test]');
      return 2;
  }
}

run(process.argv[2], process.argv.includes('--test')).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
