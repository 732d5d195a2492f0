import { z } from 'zod';
import { ROLES } from '../core/context';
import { optText, text } from '../core/db/decode';
import type { CypherQuery, DecodedQuery } from '../core/db/executor';

/**
 * API keys are `(:ApiKey {id, name, role, hash, salt, createdAt, revokedAt})` nodes. They are
 * not an Entity: no `node(id:)`, no seed reload key, not counted among the graph's facts — so
 * their uniqueness constraint is listed by the module itself.
 */
export const apiKeyConstraint: CypherQuery = {
  cypher: 'CREATE CONSTRAINT apikey_id_unique IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE',
};

const role = z.enum(ROLES);

/** What may be shown about a key: never its hash or salt. */
export const apiKeyInfoRow = z.object({
  id: text,
  name: text,
  role,
  createdAt: text,
  revokedAt: optText,
});
export type ApiKeyInfo = z.infer<typeof apiKeyInfoRow>;

/** What verifying a token needs. */
const storedKeyRow = z.object({
  id: text,
  name: text,
  role,
  hash: text,
  salt: text,
  revoked: z.boolean(),
});
export type StoredKey = z.infer<typeof storedKeyRow>;

const INFO = (k: string) =>
  `${k} {.id, .name, .role, createdAt: toString(${k}.createdAt), revokedAt: toString(${k}.revokedAt)}`;

export interface NewKey {
  readonly id: string;
  readonly name: string;
  readonly role: (typeof ROLES)[number];
  readonly hash: string;
  readonly salt: string;
}

export const createKeyQuery = (key: NewKey): DecodedQuery<{ key: ApiKeyInfo }> => ({
  cypher: `CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, salt: $salt, createdAt: datetime()}) RETURN ${INFO('k')} AS key`,
  params: { ...key },
  row: z.object({ key: apiKeyInfoRow }),
});

export const keyByIdQuery = (id: string): DecodedQuery<StoredKey> => ({
  cypher:
    'MATCH (k:ApiKey {id: $id}) RETURN k.id AS id, k.name AS name, k.role AS role, k.hash AS ' +
    'hash, k.salt AS salt, k.revokedAt IS NOT NULL AS revoked',
  params: { id },
  row: storedKeyRow,
});

export const listKeysQuery = (): DecodedQuery<{ key: ApiKeyInfo }> => ({
  cypher: `MATCH (k:ApiKey) RETURN ${INFO('k')} AS key ORDER BY k.createdAt, k.id`,
  row: z.object({ key: apiKeyInfoRow }),
});

/** Sets revokedAt once: revoking again keeps the first time, and says it was already revoked. */
export const revokeKeyQuery = (
  id: string,
): DecodedQuery<{ already: boolean; key: ApiKeyInfo }> => ({
  cypher: `MATCH (k:ApiKey {id: $id}) WITH k, k.revokedAt IS NOT NULL AS already
    SET k.revokedAt = coalesce(k.revokedAt, datetime()) RETURN already, ${INFO('k')} AS key`,
  params: { id },
  row: z.object({ already: z.boolean(), key: apiKeyInfoRow }),
});

/** Removes keys by id (tests clean up the keys they made). */
export const deleteKeysQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: 'MATCH (k:ApiKey) WHERE k.id IN $ids DETACH DELETE k',
  params: { ids },
});
