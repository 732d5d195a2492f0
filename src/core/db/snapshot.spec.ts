import { unchangedAcross } from './snapshot';

/** A mark that moves when told to, as the graph's revision does on a write. */
function graph() {
  let revision = 7;
  return { mark: async () => revision, write: () => void (revision += 1) };
}

describe('unchangedAcross', () => {
  it('answers a read with the mark it was read at when nothing wrote in between', async () => {
    const g = graph();
    let reads = 0;
    const made = await unchangedAcross(g.mark, async () => ++reads, 3);
    expect(made).toEqual({ value: 1, mark: 7, consistent: true });
  });

  it('reads again when a write came in between, labelled with the revision of the new read', async () => {
    const g = graph();
    let reads = 0;
    const made = await unchangedAcross(
      g.mark,
      async () => {
        reads += 1;
        if (reads === 1) g.write(); // the first read straddles a write
        return reads;
      },
      3,
    );
    expect(made).toEqual({ value: 2, mark: 8, consistent: true });
  });

  it('gives up after the attempts, labelled with the older revision and not consistent', async () => {
    const g = graph();
    const made = await unchangedAcross(g.mark, async () => g.write(), 2);
    // Never labelled newer than what it read: the mark before the last read.
    expect(made.mark).toBe(8);
    expect(made.consistent).toBe(false);
  });
});
