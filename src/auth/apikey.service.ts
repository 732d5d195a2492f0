import { type Role, ROLES } from '../core/context';
import type { Executor } from '../core/db/executor';
import { BadInputError, IntegrityError } from '../core/errors';
import { hashSecret } from './apikey-hash';
import { formatToken, isKeyId, newKeyId, newSecret } from './apikey-token';
import {
  type ApiKeyInfo,
  createKeyQuery,
  deleteKeysQuery,
  keyByIdQuery,
  listKeysQuery,
  revokeKeyQuery,
  type StoredKey,
} from './apikey.repository';

/** Key management as the `keys` command (and tests) use it: create, list, revoke, look up. */

const MAX_NAME = 100;

/** A role from user input, in any case ('editor', 'EDITOR'); null when it names none. */
export function parseRole(input: string): Role | null {
  const upper = input.trim().toUpperCase();
  return (ROLES as readonly string[]).includes(upper) ? (upper as Role) : null;
}

/** A key's name says whose it is (a person, a portal): one printable line, trimmed. */
export function checkKeyName(input: string): string {
  const name = input.trim();
  if (name === '' || name.length > MAX_NAME || /[\p{Cc}]/u.test(name))
    throw new BadInputError(
      `a key name is 1 to ${MAX_NAME} printable characters on one line`,
      'name',
    );
  return name;
}

/** A write whose answer is decoded like a read's: nothing undecoded leaves here either. */
export interface CreatedKey {
  readonly key: ApiKeyInfo;
  /** The only time the secret exists outside the caller's hands: it is not stored. */
  readonly token: string;
}

export async function createApiKey(
  executor: Executor,
  input: { name: string; role: Role },
): Promise<CreatedKey> {
  const name = checkKeyName(input.name);
  const id = newKeyId();
  const secret = newSecret();
  const { hash, salt } = await hashSecret(secret);
  const [row] = await executor.write(
    createKeyQuery({ id, name, role: input.role, hash, salt }),
    'apikey-create',
  );
  if (!row) throw new IntegrityError(`the new API key ${id} was not returned`);
  return { key: row.key, token: formatToken(id, secret) };
}

export async function listApiKeys(executor: Executor): Promise<ApiKeyInfo[]> {
  return (await executor.read(listKeysQuery(), 'apikey-list')).map((r) => r.key);
}

export type RevokeOutcome =
  | { readonly outcome: 'revoked' | 'already-revoked'; readonly key: ApiKeyInfo }
  | { readonly outcome: 'not-found' };

/** Revokes a key for good (kept, with the time, so lists still show who had access). */
export async function revokeApiKey(executor: Executor, id: string): Promise<RevokeOutcome> {
  if (!isKeyId(id)) return { outcome: 'not-found' };
  const [row] = await executor.write(revokeKeyQuery(id), 'apikey-revoke');
  if (!row) return { outcome: 'not-found' };
  return { outcome: row.already ? 'already-revoked' : 'revoked', key: row.key };
}

/** The stored key with this id (hash and salt included, for verification), or null. */
export async function findApiKey(executor: Executor, id: string): Promise<StoredKey | null> {
  const [row] = await executor.readOnLeader(keyByIdQuery(id), 'apikey-lookup');
  return row ?? null;
}

/** Deletes keys outright; only tests do this (a revoked key is kept). */
export async function deleteApiKeys(executor: Executor, ids: readonly string[]): Promise<void> {
  await executor.write(deleteKeysQuery(ids), 'apikey-delete');
}
