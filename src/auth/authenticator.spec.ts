import { OverloadedError, UnauthenticatedError } from '../core/errors';
import { hashSecret } from './apikey-hash';
import { formatToken, newKeyId, newSecret } from './apikey-token';
import type { StoredKey } from './apikey.repository';
import { AuthFailures, AuthThrottledError } from './auth-failures';
import { AuthenticationRefused, Authenticator } from './authenticator';
import { HashSlots } from './hash-slots';

/** A key table in memory standing in for the database, counting lookups. */
async function keyTable() {
  const keys = new Map<string, StoredKey>();
  const lookups: string[] = [];
  const add = async (name: string, role: StoredKey['role'] = 'EDITOR') => {
    const id = newKeyId();
    const secret = newSecret();
    keys.set(id, { id, name, role, ...(await hashSecret(secret)), revoked: false });
    return { id, token: formatToken(id, secret) };
  };
  const revoke = (id: string) => keys.set(id, { ...keys.get(id)!, revoked: true });
  const lookup = async (id: string) => {
    lookups.push(id);
    return keys.get(id) ?? null;
  };
  return { add, revoke, lookup, lookups };
}

const refusal = async (promise: Promise<unknown>): Promise<AuthenticationRefused> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationRefused);
  expect(error).toBeInstanceOf(UnauthenticatedError);
  return error as AuthenticationRefused;
};

describe('Authenticator', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('is anonymous without credentials and refuses malformed ones without a lookup', async () => {
    const table = await keyTable();
    const auth = new Authenticator(table.lookup, { cacheMs: 5000, now });
    await expect(auth.authenticate(undefined)).resolves.toBeNull();
    expect((await refusal(auth.authenticate('Basic abc'))).reason).toBe('malformed');
    expect((await refusal(auth.authenticate('Bearer not-a-token'))).reason).toBe('malformed');
    expect(table.lookups).toEqual([]);
  });

  it('identifies a valid key, then answers from its cache until the entry expires', async () => {
    const table = await keyTable();
    const alice = await table.add('alice', 'REVIEWER');
    const auth = new Authenticator(table.lookup, { cacheMs: 5000, now });
    await expect(auth.authenticate(`Bearer ${alice.token}`)).resolves.toEqual({
      id: alice.id,
      name: 'alice',
      role: 'REVIEWER',
    });
    await auth.authenticate(`Bearer ${alice.token}`);
    expect(table.lookups).toHaveLength(1);
    // Revoked elsewhere (the keys command): still trusted until the cached verdict expires…
    table.revoke(alice.id);
    clock += 4999;
    await expect(auth.authenticate(`Bearer ${alice.token}`)).resolves.not.toBeNull();
    // …and refused from then on.
    clock += 1;
    expect((await refusal(auth.authenticate(`Bearer ${alice.token}`))).reason).toBe('revoked');
    expect(table.lookups).toHaveLength(2);
  });

  it('applies a revocation made in this process at once (forget)', async () => {
    const table = await keyTable();
    const bob = await table.add('bob');
    const auth = new Authenticator(table.lookup, { cacheMs: 60_000, now });
    await auth.authenticate(`Bearer ${bob.token}`);
    table.revoke(bob.id);
    auth.forget(bob.id);
    expect((await refusal(auth.authenticate(`Bearer ${bob.token}`))).keyId).toBe(bob.id);
  });

  it('refuses an unknown id and a wrong secret, and caches those verdicts too', async () => {
    const table = await keyTable();
    const carol = await table.add('carol');
    const auth = new Authenticator(table.lookup, { cacheMs: 5000, now });
    const unknown = formatToken(newKeyId(), newSecret());
    const wrong = formatToken(carol.id, newSecret());
    expect((await refusal(auth.authenticate(`Bearer ${unknown}`))).reason).toBe('unknown');
    expect((await refusal(auth.authenticate(`Bearer ${wrong}`))).reason).toBe('mismatch');
    await refusal(auth.authenticate(`Bearer ${wrong}`));
    expect(table.lookups).toHaveLength(2);
    // The right secret is its own cache entry: a cached refusal of another secret does not touch
    // it.
    await expect(auth.authenticate(`Bearer ${carol.token}`)).resolves.toMatchObject({
      name: 'carol',
    });
  });

  it('says the same to the client for unknown, revoked and wrong keys', async () => {
    const table = await keyTable();
    const dan = await table.add('dan');
    table.revoke(dan.id);
    const auth = new Authenticator(table.lookup, { cacheMs: 0, now });
    const messages = await Promise.all(
      [dan.token, formatToken(dan.id, newSecret()), formatToken(newKeyId(), newSecret())].map(
        async (t) => (await refusal(auth.authenticate(`Bearer ${t}`))).message,
      ),
    );
    expect(new Set(messages).size).toBe(1);
  });

  it('verifies concurrent first uses of one token once', async () => {
    const table = await keyTable();
    const erin = await table.add('erin');
    const auth = new Authenticator(table.lookup, { cacheMs: 5000, now });
    const users = await Promise.all(
      Array.from({ length: 20 }, () => auth.authenticate(`Bearer ${erin.token}`)),
    );
    expect(users.every((u) => u?.id === erin.id)).toBe(true);
    expect(table.lookups).toHaveLength(1);
  });

  it('checks every request when the cache is off, and never caches a failed lookup', async () => {
    const table = await keyTable();
    const fay = await table.add('fay');
    const off = new Authenticator(table.lookup, { cacheMs: 0, now });
    await off.authenticate(`Bearer ${fay.token}`);
    await off.authenticate(`Bearer ${fay.token}`);
    expect(table.lookups).toHaveLength(2);

    let down = true;
    const flaky = new Authenticator(
      async (id) => (down ? Promise.reject(new Error('database unavailable')) : table.lookup(id)),
      { cacheMs: 5000, now },
    );
    await expect(flaky.authenticate(`Bearer ${fay.token}`)).rejects.toThrow('database unavailable');
    down = false;
    await expect(flaky.authenticate(`Bearer ${fay.token}`)).resolves.toMatchObject({ name: 'fay' });
  });

  it('keeps at most maxEntries verdicts, dropping the oldest', async () => {
    const table = await keyTable();
    const auth = new Authenticator(table.lookup, { cacheMs: 5000, maxEntries: 3, now });
    const tokens = Array.from({ length: 5 }, () => formatToken(newKeyId(), newSecret()));
    for (const t of tokens) await refusal(auth.authenticate(`Bearer ${t}`));
    await refusal(auth.authenticate(`Bearer ${tokens[4]}`));
    expect(table.lookups).toHaveLength(5);
    await refusal(auth.authenticate(`Bearer ${tokens[0]}`));
    expect(table.lookups).toHaveLength(6);
  });

  describe('with failures limited and scrypt bounded', () => {
    const limits = { perAddress: 3, perKey: 5, windowSeconds: 60, blockSeconds: 30 };
    const wrong = (id: string) => `Bearer ${formatToken(id, newSecret())}`;
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'ok',
        (e: unknown) =>
          e instanceof AuthThrottledError
            ? `429 ${e.what}`
            : e instanceof AuthenticationRefused
              ? `401 ${e.reason}`
              : String(e),
      );

    it('blocks an address after its failures in a row, before any lookup, and a success starts the count again', async () => {
      const table = await keyTable();
      const alice = await table.add('alice');
      const auth = new Authenticator(table.lookup, {
        cacheMs: 0,
        now,
        failures: new AuthFailures(limits),
      });
      expect(await outcome(auth.authenticate(wrong(alice.id), 'a'))).toBe('401 mismatch');
      expect(await outcome(auth.authenticate(`Bearer ${alice.token}`, 'a'))).toBe('ok');
      const results = [];
      for (let i = 0; i < 5; i += 1)
        results.push(await outcome(auth.authenticate('Bearer junk', 'a')));
      expect(results).toEqual([
        '401 malformed',
        '401 malformed',
        '401 malformed',
        '429 address',
        '429 address',
      ]);
      const lookups = table.lookups.length;
      expect(await outcome(auth.authenticate(`Bearer ${alice.token}`, 'a'))).toBe('429 address');
      expect(table.lookups).toHaveLength(lookups);
      // Another address is not held back by this one's failures.
      expect(await outcome(auth.authenticate(`Bearer ${alice.token}`, 'b'))).toBe('ok');
    });

    it('blocks wrong secrets for a key id from anywhere, while its holder keeps working', async () => {
      const table = await keyTable();
      const alice = await table.add('alice');
      const auth = new Authenticator(table.lookup, {
        cacheMs: 0,
        now,
        failures: new AuthFailures(limits),
      });
      expect(await outcome(auth.authenticate(`Bearer ${alice.token}`, 'home'))).toBe('ok');
      const results = [];
      for (let i = 0; i < 7; i += 1)
        results.push(await outcome(auth.authenticate(wrong(alice.id), `attacker-${i}`)));
      expect(results).toEqual([...Array(5).fill('401 mismatch'), '429 key', '429 key']);
      expect(await outcome(auth.authenticate(`Bearer ${alice.token}`, 'home'))).toBe('ok');
    });

    it('runs scrypt one at a time and refuses what waits too long with OVERLOADED', async () => {
      const slots = new HashSlots({ concurrent: 1, queued: 1, waitMs: 50 });
      let running = 0;
      let most = 0;
      const work = () => {
        running += 1;
        most = Math.max(most, running);
        return new Promise<number>((resolve) => setTimeout(() => resolve((running -= 1)), 20));
      };
      const first = await Promise.allSettled([slots.run(work), slots.run(work), slots.run(work)]);
      expect(first.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect((first[2] as PromiseRejectedResult).reason).toBeInstanceOf(OverloadedError);
      expect(most).toBe(1);
      const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 200));
      const timed = await Promise.allSettled([slots.run(slow), slots.run(slow)]);
      expect(timed.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    });
  });
});
