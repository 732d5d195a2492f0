import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { testInstance } from '../src/core/db/local-instances';
import { localStatus, startLocalNeo4j } from '../src/core/db/local-neo4j';

describe('local Neo4j management', () => {
  it('starting a running instance is harmless and status tells the truth', async () => {
    const instance = testInstance();
    const before = await localStatus(instance);
    expect(before.running).toBe(true);
    const again = await startLocalNeo4j(instance);
    expect(again.startedNow).toBe(false);
    const after = await localStatus(instance);
    expect(after.pid).toBe(before.pid);
  });

  it('reports a stopped instance as stopped', async () => {
    const status = await localStatus({
      ...testInstance(),
      dataDir: path.join(os.tmpdir(), 'zhili-never-started'),
      port: 1,
    });
    expect(status).toMatchObject({ running: false, pid: undefined });
  });

  it('refuses a port another program holds, naming the variable to change', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(
        startLocalNeo4j({
          ...testInstance(),
          dataDir: path.join(os.tmpdir(), `zhili-port-${port}`),
          port,
        }),
      ).rejects.toThrow(/LOCAL_NEO4J_PORT/);
    } finally {
      blocker.close();
    }
  });
});
