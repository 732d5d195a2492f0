import type { CypherQuery } from '../core/db/executor';

export const SEARCH_INDEX_ZH = 'search_zh';
export const SEARCH_INDEX_EN = 'search_en';

/** Labels the search indexes cover. */
export const SEARCHABLE = ['GovernanceModel', 'Practice', 'Principle', 'Region'] as const;

/** Full-text indexes: Chinese through the cjk analyzer (bigrams), English and pinyin through `english`. */
export const searchIndexes = (): CypherQuery[] => {
  const labels = SEARCHABLE.join('|');
  return [
    { cypher: `CREATE FULLTEXT INDEX ${SEARCH_INDEX_ZH} IF NOT EXISTS FOR (n:${labels}) ON EACH [n.name, n.officialName, n.aliasesText, n.summary, n.description, n.scale] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}` },
    { cypher: `CREATE FULLTEXT INDEX ${SEARCH_INDEX_EN} IF NOT EXISTS FOR (n:${labels}) ON EACH [n.nameEn, n.pinyinPlain, n.summaryEn, n.descriptionEn, n.scaleEn] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'english'}}` },
  ];
};
