import { RevisionClock } from './revision';

/** A clock over a fake graph revision and a hand-moved time. */
function setup(ttlMs = 1000) {
  const graph = { revision: 1, reads: 0, fail: false };
  let time = 0;
  const clock = new RevisionClock(
    async () => {
      graph.reads += 1;
      if (graph.fail) throw new Error('Neo4j is down');
      return graph.revision;
    },
    () => time,
    ttlMs,
  );
  return { graph, clock, wait: (ms: number) => (time += ms) };
}

describe('RevisionClock', () => {
  it('reads the revision at most once per interval, and again after it', async () => {
    const { graph, clock, wait } = setup();
    expect(await clock.current()).toBe(1);
    graph.revision = 2; // another process wrote
    wait(999);
    expect(await clock.current()).toBe(1);
    expect(graph.reads).toBe(1);
    wait(1);
    expect(await clock.current()).toBe(2);
    expect(graph.reads).toBe(2);
  });

  it('shares one read among concurrent callers', async () => {
    const { graph, clock } = setup();
    expect(await Promise.all([clock.current(), clock.current(), clock.current()])).toEqual([
      1, 1, 1,
    ]);
    expect(graph.reads).toBe(1);
  });

  it("knows this process's write at once, without a read, and never goes back for a late one", async () => {
    const { graph, clock } = setup();
    await clock.current();
    clock.raise(3);
    expect(await clock.current()).toBe(3);
    clock.raise(2); // an earlier write reporting after a later one
    expect(await clock.current()).toBe(3);
    expect(graph.reads).toBe(1);
  });

  it('keeps a write raised while a read ran over what the read saw', async () => {
    const { clock } = setup();
    const reading = clock.current();
    clock.raise(5);
    expect(await reading).toBe(5);
    expect(await clock.current()).toBe(5);
  });

  it('takes a lower revision from a read (a graph loaded again)', async () => {
    const { graph, clock, wait } = setup();
    graph.revision = 40;
    await clock.current();
    graph.revision = 2;
    wait(1000);
    expect(await clock.current()).toBe(2);
  });

  it('keeps the last revision known while Neo4j is unreachable, and fails with none known', async () => {
    const { graph, clock, wait } = setup();
    graph.fail = true;
    await expect(clock.current()).rejects.toThrow('Neo4j is down');
    graph.fail = false;
    expect(await clock.current()).toBe(1);
    graph.fail = true;
    wait(1000);
    expect(await clock.current()).toBe(1);
    expect(await clock.current()).toBe(1);
    expect(graph.reads).toBe(3); // not once per call while it is down
  });
});
