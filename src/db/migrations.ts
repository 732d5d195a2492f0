import type { CypherQuery, Executor } from './executor';

export const SEARCH_INDEX_ZH = 'search_zh';
export const SEARCH_INDEX_EN = 'search_en';

/**
 * Constraints and indexes, idempotent (IF NOT EXISTS). Labels and keys are constants here,
 * never taken from input. A uniqueness constraint also gives the key its index.
 */
export const UNIQUE_KEYS: ReadonlyArray<readonly [label: string, key: string]> = [
  ['Region', 'code'],
  ['GovernanceModel', 'slug'],
  ['Principle', 'slug'],
  ['Practice', 'id'],
  ['Indicator', 'code'],
  ['Unit', 'code'],
  ['Observation', 'id'],
  ['Source', 'id'],
  ['Citation', 'id'],
  ['Organization', 'id'],
  ['Person', 'id'],
];

export function migrationQueries(): CypherQuery[] {
  const constraints = UNIQUE_KEYS.map(([label, key]) => ({
    cypher: `CREATE CONSTRAINT ${label.toLowerCase()}_${key}_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE`,
  }));
  const indexes: CypherQuery[] = [
    { cypher: 'CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level)' },
    { cypher: 'CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name)' },
    { cypher: 'CREATE INDEX practice_status IF NOT EXISTS FOR (n:Practice) ON (n.status)' },
    { cypher: 'CREATE INDEX observation_period IF NOT EXISTS FOR (n:Observation) ON (n.period)' },
  ];
  // Search: Chinese through the cjk analyzer (bigrams), English and pinyin through `english`.
  const searchable = 'GovernanceModel|Practice|Principle|Region';
  const fulltext: CypherQuery[] = [
    { cypher: `CREATE FULLTEXT INDEX ${SEARCH_INDEX_ZH} IF NOT EXISTS FOR (n:${searchable}) ON EACH [n.name, n.officialName, n.aliasesText, n.summary, n.description, n.scale] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}` },
    { cypher: `CREATE FULLTEXT INDEX ${SEARCH_INDEX_EN} IF NOT EXISTS FOR (n:${searchable}) ON EACH [n.nameEn, n.pinyinPlain, n.summaryEn, n.descriptionEn, n.scaleEn] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'english'}}` },
  ];
  return [...constraints, ...indexes, ...fulltext];
}

/** Applies every migration (schema commands cannot share a transaction, so one each). */
export async function applyMigrations(executor: Executor): Promise<number> {
  const queries = migrationQueries();
  for (const q of queries) await executor.write(q, 'migrate');
  await executor.write({ cypher: 'CALL db.awaitIndexes(300)' }, 'migrate');
  return queries.length;
}
