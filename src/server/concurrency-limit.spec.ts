import { LatencyLimit } from './concurrency-limit';

describe('LatencyLimit', () => {
  const run = (limit: LatencyLimit, ms: number, windows: number, atLimit = true) => {
    for (let i = 0; i < windows * 20; i += 1) {
      limit.admitted(atLimit ? limit.current : 1);
      limit.completed(ms);
    }
  };

  it('cuts the limit by a quarter per slow window, down to its floor', () => {
    const limit = new LatencyLimit({ max: 16, min: 2, targetMs: 250 });
    run(limit, 400, 1);
    expect(limit.current).toBe(12);
    run(limit, 400, 1);
    expect(limit.current).toBe(9);
    run(limit, 400, 10);
    expect(limit.current).toBe(2);
  });

  it('grows by one per fast window while the limit is reached, up to its ceiling', () => {
    const limit = new LatencyLimit({ max: 16, min: 2, targetMs: 250 });
    run(limit, 400, 10);
    run(limit, 50, 3);
    expect(limit.current).toBe(5);
    // Not reached (little load): fast answers alone do not raise it.
    run(limit, 50, 3, false);
    expect(limit.current).toBe(5);
    run(limit, 50, 40);
    expect(limit.current).toBe(16);
  });

  it('reads the 90th percentile: a few slow answers in a window do not cut it', () => {
    const limit = new LatencyLimit({ max: 16, min: 2, targetMs: 250 });
    for (let i = 0; i < 20; i += 1) limit.completed(i < 2 ? 2_000 : 20);
    expect(limit.current).toBe(16);
  });

  it('stays at its ceiling with no target', () => {
    const limit = new LatencyLimit({ max: 16, min: 2, targetMs: 0 });
    run(limit, 10_000, 5);
    expect(limit.current).toBe(16);
  });
});
