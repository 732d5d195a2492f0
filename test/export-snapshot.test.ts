import { bumpRevisionQuery, revisionQuery } from '../src/core/db/revision';
import { streamGraphJson } from '../src/export/export-stream';
import { ENTITIES } from '../src/modules';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Long reads as of one revision of the graph, on the real Neo4j: a download names the revision it
 * was read at, and a streamed export that a write overtakes fails instead of mixing revisions.
 */
describe('exports at one revision', () => {
  let server: TestServer;
  const kinds = ENTITIES.map(({ label, key }) => ({ label, key }));
  const revision = async () => (await server.executor.read(revisionQuery()))[0]?.revision ?? 0;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('labels a download with the revision it was read at', async () => {
    const before = await revision();
    const res = await fetch(
      server.url.replace('/graphql', '/export/model/fengqiao-experience.json'),
    );
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('zhili-revision'))).toBe(before);
  });

  it('fails a streamed export that a write overtakes, and names both revisions', async () => {
    let wrote = false;
    const sink = {
      write: async () => {
        // A publish lands while the file is being read.
        if (!wrote) await server.executor.write(bumpRevisionQuery());
        wrote = true;
      },
    };
    const before = await revision();
    await expect(streamGraphJson(server.executor, kinds, sink)).rejects.toThrow(
      `the graph changed while it was exported (revision ${before}, now ${before + 1})`,
    );
    // Untouched, the same export completes and says which revision it holds.
    const done = await streamGraphJson(server.executor, kinds, { write: async () => {} });
    expect(done.revision).toBe(before + 1);
  }, 120_000);
});
