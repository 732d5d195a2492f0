import { z } from 'zod';
import { optNum, optText, text, texts } from '../core/db/decode';
import type { CypherQuery, DecodedQuery } from '../core/db/executor';
import { pagedQuery } from './change-reads.statements';
import { type Actor, CHANGE, CHANGE_ROW, type ChangeRow } from './change.statements';

/**
 * Cypher of change sets: the changes one report's drafts became, reviewed together and published
 * in one transaction. A member names its set (`c.setId`); each step on a member bumps the set's
 * version, so a reviewer publishes the set as they saw it.
 */

export const CHANGE_SET_ROW = z.object({
  id: text,
  title: text,
  status: z.enum(['OPEN', 'PUBLISHED', 'CLOSED']),
  version: z.number().int(),
  createdBy: text,
  createdByName: text,
  createdAt: text,
  updatedAt: text,
  publishedAt: optText,
  publishedFrom: optNum,
  sourceId: optText,
  notes: texts.transform((v) => v ?? []),
  requestKey: optText,
});
export type ChangeSetRow = z.output<typeof CHANGE_SET_ROW>;
const ONE = z.object({ s: CHANGE_SET_ROW });

const SET = `s {.id, .title, .status, .version, .createdBy, .createdByName, createdAt: toString(s.createdAt),
  updatedAt: toString(s.updatedAt), publishedAt: toString(s.publishedAt), .publishedFrom, .sourceId, .notes, .requestKey}`;

export const CHANGE_SET_CONSTRAINTS: CypherQuery[] = [
  {
    cypher:
      'CREATE CONSTRAINT change_set_id_unique IF NOT EXISTS FOR (s:ChangeSet) REQUIRE s.id IS UNIQUE',
  },
  {
    cypher:
      'CREATE CONSTRAINT change_set_request_unique IF NOT EXISTS FOR (s:ChangeSet) REQUIRE ' +
      's.requestKey IS UNIQUE',
  },
  { cypher: 'CREATE INDEX change_set_member IF NOT EXISTS FOR (c:Change) ON (c.setId)' },
];

export interface NewChangeSet {
  readonly id: string;
  readonly title: string;
  readonly sourceId: string | null;
  readonly notes: readonly string[];
  readonly requestKey: string | null;
}

export const createChangeSetQuery = (
  s: NewChangeSet,
  actor: Actor,
): DecodedQuery<{ s: ChangeSetRow }> => ({
  cypher: `CREATE (s:ChangeSet {id: $id, title: $title, status: 'OPEN', version: 1, sourceId: $sourceId, notes: $notes,
      requestKey: $requestKey, createdBy: $by, createdByName: $byName, createdAt: datetime(), updatedAt: datetime()})
    RETURN ${SET} AS s`,
  params: { ...s, notes: [...s.notes], ...actor },
  row: ONE,
});

export const changeSetByQuery = (by: {
  id?: string;
  requestKey?: string;
}): DecodedQuery<{ s: ChangeSetRow }> => ({
  cypher: `MATCH (s:ChangeSet {${by.id ? 'id' : 'requestKey'}: $value}) RETURN ${SET} AS s`,
  params: { value: by.id ?? by.requestKey },
  row: ONE,
});

/** Sets by id, in one statement (a loader's batch). */
export const changeSetsByIdQuery = (ids: readonly string[]): DecodedQuery<{ s: ChangeSetRow }> => ({
  cypher: `MATCH (s:ChangeSet) WHERE s.id IN $ids RETURN ${SET} AS s`,
  params: { ids },
  row: ONE,
});

/** Locks the set: a member's step and a publication of the set wait for each other. */
export const lockChangeSetQuery = (id: string): DecodedQuery<{ s: ChangeSetRow }> => ({
  cypher: `MATCH (s:ChangeSet {id: $id}) SET s.locked = true REMOVE s.locked RETURN ${SET} AS s`,
  params: { id },
  row: ONE,
});

/** A set's members, oldest first (the order they were proposed in). */
export const membersQuery = (setIds: readonly string[]): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `MATCH (c:Change) WHERE c.setId IN $setIds WITH c ORDER BY c.createdAt, c.id RETURN ${CHANGE} AS c`,
  params: { setIds },
  row: z.object({ c: CHANGE_ROW }),
});

/** The set's new state: PUBLISHED from `version`, or CLOSED (nothing left open in it). */
export const markChangeSetQuery = (
  id: string,
  status: 'PUBLISHED' | 'CLOSED',
  publishedFrom: number | null,
): DecodedQuery<{ s: ChangeSetRow }> => ({
  cypher: `MATCH (s:ChangeSet {id: $id})
    SET s.status = $status, s.version = s.version + 1, s.updatedAt = datetime(), s.publishedFrom = $publishedFrom,
      s.publishedAt = CASE WHEN $status = 'PUBLISHED' THEN datetime() END
    RETURN ${SET} AS s`,
  params: { id, status, publishedFrom },
  row: ONE,
});

/** Sets in the given states, newest first. */
export const changeSetsQuery = (statuses: readonly string[], skip: number, limit: number) =>
  pagedQuery(
    {
      label: 'ChangeSet',
      v: 's',
      order: 's.createdAt DESC, s.id',
      projection: SET,
      item: CHANGE_SET_ROW,
    },
    statuses,
    skip,
    limit,
  );

/** Adds notes for the editor to the set. */
export const addNotesQuery = (setId: string, notes: readonly string[]): CypherQuery => ({
  cypher: 'MATCH (s:ChangeSet {id: $setId}) SET s.notes = coalesce(s.notes, []) + $notes',
  params: { setId, notes: [...notes] },
});

/** Names the set's report: its first SOURCE change's key. */
export const setSourceQuery = (setId: string, sourceId: string): CypherQuery => ({
  cypher: 'MATCH (s:ChangeSet {id: $setId}) SET s.sourceId = coalesce(s.sourceId, $sourceId)',
  params: { setId, sourceId },
});

/** The source text a set's report was drafted from: its SOURCE member's, else the stored one. */
export const setSourceTextQuery = (
  setId: string,
  sourceId: string,
): DecodedQuery<{ proposed: string | null; stored: string | null }> => ({
  cypher: `RETURN head(COLLECT { MATCH (c:Change {setId: $setId, factType: 'SOURCE', factKey: $sourceId}) RETURN c.fact }) AS proposed,
      head(COLLECT { MATCH (src:Source {id: $sourceId}) RETURN src.text }) AS stored`,
  params: { setId, sourceId },
  row: z.object({ proposed: z.string().nullable(), stored: z.string().nullable() }),
});
