import type { AuthUser } from '../core/context';
import { RateLimitedError } from '../core/errors';
import type * as WriteLimits from './write-limits';
import { configureWriteLimits, limitWrite, WriteLimiter } from './write-limits';

const key = (id: string): AuthUser => ({ id, name: id, role: 'EDITOR' });

async function writes(
  limiter: WriteLimiter,
  ctx: { user: AuthUser | null; clientAddress: string },
  n: number,
): Promise<number> {
  let done = 0;
  for (let i = 0; i < n; i++) {
    try {
      await limiter.consume(ctx);
      done += 1;
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
    }
  }
  return done;
}

describe('write limits', () => {
  it('limits each key, whatever its address', async () => {
    const limiter = new WriteLimiter({ perKey: 3, perAddress: 100, windowSeconds: 60 });
    expect(await writes(limiter, { user: key('a'), clientAddress: '10.0.0.1' }, 2)).toBe(2);
    expect(await writes(limiter, { user: key('a'), clientAddress: '10.0.0.2' }, 5)).toBe(1);
    expect(await writes(limiter, { user: key('b'), clientAddress: '10.0.0.2' }, 3)).toBe(3);
  });

  it('limits each address, whatever the key', async () => {
    const limiter = new WriteLimiter({ perKey: 100, perAddress: 4, windowSeconds: 60 });
    expect(await writes(limiter, { user: key('a'), clientAddress: '10.0.0.1' }, 2)).toBe(2);
    expect(await writes(limiter, { user: key('b'), clientAddress: '10.0.0.1' }, 5)).toBe(2);
    expect(await writes(limiter, { user: key('b'), clientAddress: '10.0.0.9' }, 1)).toBe(1);
  });

  it('answers RATE_LIMITED (429) with the seconds until the window ends', async () => {
    const limiter = new WriteLimiter({ perKey: 1, perAddress: 10, windowSeconds: 30 });
    await limiter.consume({ user: key('a'), clientAddress: '::1' });
    const error = await limiter
      .consume({ user: key('a'), clientAddress: '::1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    const { retryAfter, http } = (error as RateLimitedError).extensions as {
      retryAfter: number;
      http: { status: number; headers: Map<string, string> };
    };
    expect(retryAfter).toBeGreaterThanOrEqual(29);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toBe(String(retryAfter));
  });

  it('limitWrite uses the limits the server configured', async () => {
    configureWriteLimits({ perKey: 2, perAddress: 10, windowSeconds: 60 });
    const ctx = { user: key('z'), clientAddress: '192.0.2.1' };
    await limitWrite(ctx);
    await limitWrite(ctx);
    await expect(limitWrite(ctx)).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe('write limits before the server configures them', () => {
  it('apply the configured defaults', async () => {
    jest.resetModules();
    const fresh: typeof WriteLimits = await import('./write-limits');
    const ctx = { user: key('fresh'), clientAddress: '198.51.100.1' };
    for (let i = 0; i < 60; i++) await fresh.limitWrite(ctx);
    await expect(fresh.limitWrite(ctx)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
