import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * scrypt parameters: N = 2^14, r = 8, p = 1 (16 MiB, some tens of ms) — the figures node and
 * OWASP give for interactive logins. With 256-bit random secrets a fast hash would already resist
 * guessing; the slow one costs little here (paid once per key per cache period, not per request)
 * and keeps a leaked store useless even if a weaker secret format is ever accepted.
 */
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

export interface StoredHash {
  /**
   * `scrypt:N:r:p:<base64url digest>`: the parameters travel with the digest, so they can change
   * for new keys.
   */
  readonly hash: string;
  /** base64url, 16 random bytes, one per key. */
  readonly salt: string;
}

function derive(secret: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  // The async form runs on libuv's pool: a verification never blocks the event loop.
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashSecret(secret: string): Promise<StoredHash> {
  const salt = randomBytes(SALT_BYTES);
  const digest = await derive(secret, salt, PARAMS);
  return {
    hash: `scrypt:${PARAMS.N}:${PARAMS.r}:${PARAMS.p}:${digest.toString('base64url')}`,
    salt: salt.toString('base64url'),
  };
}

const HASH_SHAPE = /^scrypt:(\d+):(\d+):(\d+):([A-Za-z0-9_-]+)$/;

/**
 * Whether `secret` matches a stored hash, compared in constant time. A hash this code cannot
 * read (another scheme, damaged) matches nothing, so a bad record locks its key out rather than
 * letting anything in.
 */
export async function verifySecret(secret: string, stored: StoredHash): Promise<boolean> {
  const match = HASH_SHAPE.exec(stored.hash);
  if (!match) return false;
  const [, n, r, p, encoded] = match;
  const expected = Buffer.from(encoded!, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(secret, Buffer.from(stored.salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}
