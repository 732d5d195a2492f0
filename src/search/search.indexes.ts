import type { CypherQuery } from '../core/db/executor';

/**
 * Full-text index names. A full-text index cannot be altered in place, so each definition (its
 * labels and fields) has its own name: when the definition changes, the name changes with it and
 * the names it replaces are listed in RETIRED_SEARCH_INDEXES, so every database gets the new
 * index on its next migration and loses the old one.
 */
export const SEARCH_INDEX_ZH = 'search_zh_2';
export const SEARCH_INDEX_EN = 'search_en_2';
/** Earlier definitions: 1 covered models, practices, principles and regions (no organisations). */
export const RETIRED_SEARCH_INDEXES = ['search_zh', 'search_en'] as const;

/** Labels the search indexes cover. */
export const SEARCHABLE = ['GovernanceModel', 'Practice', 'Principle', 'Region', 'Organization'] as const;

/** Full-text indexes: Chinese through the cjk analyzer (bigrams), English and pinyin through `english`. */
export const searchIndexes = (): CypherQuery[] => {
  const labels = SEARCHABLE.join('|');
  return [
    ...RETIRED_SEARCH_INDEXES.map((name) => ({ cypher: `DROP INDEX ${name} IF EXISTS` })),
    { cypher: `CREATE FULLTEXT INDEX ${SEARCH_INDEX_ZH} IF NOT EXISTS FOR (n:${labels}) ON EACH [n.name, n.officialName, n.aliasesText, n.summary, n.description, n.scale] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}` },
    { cypher: `CREATE FULLTEXT INDEX ${SEARCH_INDEX_EN} IF NOT EXISTS FOR (n:${labels}) ON EACH [n.nameEn, n.pinyinPlain, n.summaryEn, n.descriptionEn, n.scaleEn] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'english'}}` },
  ];
};
