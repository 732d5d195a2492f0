import type { CypherQuery } from '../core/db/executor';

/**
 * The search's indexes. A full-text index cannot be altered in place, so each definition (its
 * labels and fields) has its own name: when the definition changes, the name changes with it and
 * the names it replaces are listed in RETIRED_SEARCH_INDEXES, so every database gets the new
 * index on its next migration and loses the old one.
 *
 * Knowledge (models, practices, principles, organisations) and places (regions) have indexes of
 * their own, each queried with its own limit: at national scale 665,000 regions would otherwise
 * fill every candidate list before a model is reached (eight villages named 枫桥 and no 枫桥经验).
 */
export const KNOWLEDGE_LABELS = [
  'GovernanceModel',
  'Practice',
  'Principle',
  'Organization',
] as const;
export const SEARCHABLE = [...KNOWLEDGE_LABELS, 'Region'] as const;

export const INDEX = {
  /** Chinese names and text through the cjk analyzer (bigrams). */
  knowledgeZh: 'search_knowledge_zh_1',
  /** English names and text through the `english` analyzer. */
  knowledgeEn: 'search_knowledge_en_1',
  /**
   * Every boundary tail of every name, Chinese, pinyin and English (search-keys.ts), split on
   * spaces only: a prefix query finds a name containing the text at a character, syllable or word.
   */
  knowledgeKeys: 'search_knowledge_keys_1',
  placesZh: 'search_places_zh_1',
  placesEn: 'search_places_en_1',
  /**
   * Range indexes: every place named 太和 … (`searchKey`), or taihe … (`pinyinKey`), by prefix seek,
   * exact names first.
   */
  placeKey: 'search_place_key_1',
  placePinyin: 'search_place_pinyin_1',
} as const;

/**
 * Earlier definitions: 1 covered models, practices, principles and regions; 2 added organisations
 * and pinyin in one index for all.
 */
export const RETIRED_SEARCH_INDEXES = [
  'search_zh',
  'search_en',
  'search_zh_2',
  'search_en_2',
] as const;

const fulltext = (
  name: string,
  labels: readonly string[],
  fields: readonly string[],
  analyzer: string,
): CypherQuery => ({
  cypher: `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${labels.join('|')}) ON EACH [${fields.map((f) => `n.${f}`).join(', ')}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${analyzer}'}}`,
});

export const searchIndexes = (): CypherQuery[] => [
  ...RETIRED_SEARCH_INDEXES.map((name) => ({ cypher: `DROP INDEX ${name} IF EXISTS` })),
  fulltext(
    INDEX.knowledgeZh,
    KNOWLEDGE_LABELS,
    ['name', 'aliasesText', 'summary', 'description', 'scale'],
    'cjk',
  ),
  fulltext(
    INDEX.knowledgeEn,
    KNOWLEDGE_LABELS,
    ['nameEn', 'summaryEn', 'descriptionEn', 'scaleEn'],
    'english',
  ),
  fulltext(INDEX.knowledgeKeys, KNOWLEDGE_LABELS, ['searchKeys'], 'whitespace'),
  fulltext(INDEX.placesZh, ['Region'], ['name', 'officialName', 'aliasesText'], 'cjk'),
  fulltext(INDEX.placesEn, ['Region'], ['nameEn'], 'english'),
  { cypher: `CREATE INDEX ${INDEX.placeKey} IF NOT EXISTS FOR (n:Region) ON (n.searchKey)` },
  { cypher: `CREATE INDEX ${INDEX.placePinyin} IF NOT EXISTS FOR (n:Region) ON (n.pinyinKey)` },
];
