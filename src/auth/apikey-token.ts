import { randomBytes } from 'node:crypto';

/**
 * API key tokens: `zk_<id>_<secret>`. The id (16 hex digits) is public — it names the key in
 * lists, logs and revocations, and is how a token is looked up; the secret (32 random bytes,
 * base64url) is shown once and only its scrypt hash is stored.
 */
export const TOKEN_PREFIX = 'zk_';

const ID_BYTES = 8;
const SECRET_BYTES = 32;
// base64url of 32 bytes is 43 characters; the secret may itself hold '_' and '-', so the id
// (hex, no '_') is what the first separator ends.
const TOKEN_SHAPE = /^zk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const ID_SHAPE = /^[0-9a-f]{16}$/;

export interface ParsedToken {
  readonly id: string;
  readonly secret: string;
}

export const newKeyId = (): string => randomBytes(ID_BYTES).toString('hex');
export const newSecret = (): string => randomBytes(SECRET_BYTES).toString('base64url');

export const formatToken = (id: string, secret: string): string => `${TOKEN_PREFIX}${id}_${secret}`;

/**
 * The id and secret of a well-formed token; null for anything else (wrong prefix, length,
 * alphabet).
 */
export function parseToken(token: string): ParsedToken | null {
  const match = TOKEN_SHAPE.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** Whether `id` looks like a key id (the command checks before it asks the database). */
export const isKeyId = (id: string): boolean => ID_SHAPE.test(id);

/** What an Authorization header holds: nothing, a bearer token, or something we refuse. */
export type Credentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'malformed'; readonly reason: string };

/**
 * Reads an Authorization header. An absent or empty header is no credentials (a public read);
 * any other scheme, or a bearer value that is not one token, is malformed: credentials that were
 * sent must be valid, so the request is refused rather than served anonymously.
 */
export function readAuthorization(header: string | undefined): Credentials {
  const value = header?.trim() ?? '';
  if (value === '') return { kind: 'none' };
  const match = /^Bearer[ ]+(\S+)$/i.exec(value);
  if (!match)
    return {
      kind: 'malformed',
      reason: /^Bearer\b/i.test(value)
        ? 'the bearer value is not one token'
        : 'the scheme is not Bearer',
    };
  return { kind: 'bearer', token: match[1]! };
}
