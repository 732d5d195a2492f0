import { statementOf } from '../../test/support/statement';
import { queryKeys } from './query-text';
import { channels } from './search-channels';
import { SEARCHABLE } from './search-indexes';
import { searchPageQuery, searchQuery } from './search.repository';

describe('search Cypher', () => {
  it('reads long texts and the path only when a selected field needs them', () => {
    const keys = queryKeys('村规民约');
    const lean = searchQuery(keys, SEARCHABLE, 5, { text: false, path: false }).cypher;
    const full = searchQuery(keys, SEARCHABLE, 5).cypher;
    expect(full).toContain('.description');
    expect(full).toContain('path: path');
    expect(lean).not.toContain('.description');
    expect(lean).not.toContain('COLLECT {');
    expect(lean).toContain('path: []');
    expect(searchPageQuery(keys, SEARCHABLE, 0, 5, { text: true, path: false }).cypher).toContain(
      '.description',
    );
  });

  it('asks each index only what the labels and the text need', () => {
    const zh = queryKeys('枫桥');
    const names = (chans: string[]) =>
      chans.flatMap((c) => [...c.matchAll(/'(\w\w)' AS ch/g)].map((m) => m[1]));
    expect(names(channels(['GovernanceModel'], zh))).toEqual(['kk', 'kz']);
    expect(names(channels(['Region'], zh))).toEqual(['ph', 'pz', 'pk', 'pp']);
    expect(names(channels(SEARCHABLE, queryKeys('fengqiao')))).toEqual([
      'kk',
      'ph',
      'kz',
      'ke',
      'pz',
      'pk',
      'pe',
      'pp',
    ]);
    // Chinese text looks for places by the exact pinyin (homophones), Latin text by its prefix.
    expect(channels(['Region'], zh).at(-1)).toContain('node.pinyinKey = $pinyin');
    expect(channels(['Region'], queryKeys('taihe')).at(-1)).toContain(
      'node.pinyinKey STARTS WITH $key',
    );
  });

  it('passes the text only as parameters', () => {
    const q = searchQuery(queryKeys('枫桥 (x)'), ['GovernanceModel'], 5);
    expect(q.cypher).not.toContain('枫桥');
    expect(statementOf(q).params).toEqual({
      key: '枫桥x',
      pinyin: 'fengqiaox',
      words: ['枫桥', 'x'],
      lucene: '枫桥 \\(x\\)',
      english: '\\(x\\)',
      prefix: '枫桥x* OR fengqiaox*',
      labels: ['GovernanceModel'],
      limit: 'int(5)',
      pool: 'int(100)',
      keyPool: 'int(200)',
    });
  });

  it('ranks every label for the facets and pages the wanted ones, looking as deep as the page', () => {
    const q = searchPageQuery(queryKeys('太和'), ['Region'], 1100, 20);
    expect(statementOf(q).params).toMatchObject({
      labels: [...SEARCHABLE],
      wanted: ['Region'],
      skip: 'int(1100)',
      end: 'int(1121)',
      pool: 'int(1121)',
      keyPool: 'int(1121)',
    });
  });

  it('reads candidates, classifies, scores and orders them in one statement', () => {
    expect(searchQuery(queryKeys('枫桥'), SEARCHABLE, 8).cypher).toMatchInlineSnapshot(`
"CALL () {
      CALL db.index.fulltext.queryNodes('search_knowledge_keys_1', $prefix, {limit: $pool}) YIELD node AS named
      CALL (named) {
        RETURN named AS node, 'kk' AS ch
        UNION ALL
        MATCH (named)-[:IN]->(node:Region) WHERE any(k IN coalesce(node.searchNames, []) WHERE k CONTAINS $key) RETURN node, 'ph' AS ch
      }
      RETURN node, 0.0 AS score, ch
      UNION ALL
      CALL db.index.fulltext.queryNodes('search_knowledge_zh_1', $lucene, {limit: $pool}) YIELD node, score RETURN node, score, 'kz' AS ch
      UNION ALL
      CALL db.index.fulltext.queryNodes('search_places_zh_1', $lucene, {limit: $pool}) YIELD node, score RETURN node, score, 'pz' AS ch
      UNION ALL
      MATCH (node:Region) WHERE node.searchKey STARTS WITH $key WITH node LIMIT $keyPool RETURN node, 0.0 AS score, 'pk' AS ch
      UNION ALL
      MATCH (node:Region) WHERE node.pinyinKey = $pinyin WITH node LIMIT $keyPool RETURN node, 0.0 AS score, 'pp' AS ch
    }
    WITH ch, collect({node: node, score: score}) AS hits, max(score) AS top
    WITH collect({ch: ch, hits: hits, top: top, full: ch <> 'ph' AND size(hits) >= CASE WHEN ch IN ['pk', 'pp'] THEN $keyPool ELSE $pool END}) AS lists
    WITH [l IN lists WHERE l.full | l.ch] AS full, lists
    UNWIND lists AS l
    UNWIND l.hits AS h
    WITH full, h.node AS node, CASE WHEN l.ch IN ['kz','ke','pz','pe'] AND l.top > 0 THEN h.score / l.top ELSE 0.0 END AS norm
    WITH full, node, max(norm) AS lucene
    WITH full, node, lucene, [x IN labels(node) WHERE x IN $labels][0] AS label
    WHERE label IS NOT NULL
    WITH full, node, label, lucene, coalesce(node.searchNames, []) AS names
    WITH full, node, label, lucene, CASE
      WHEN any(k IN names WHERE k CONTAINS $key) AND (label IN ['Practice', 'Organization'] AND EXISTS {
        MATCH (node)-[:IN]->(home:Region)
        MATCH (up:Region) WHERE up.code IN [n IN [2, 4, 6, 9, 12] WHERE n <= size(home.code) | substring(home.code, 0, n)]
          AND any(k IN coalesce(up.searchNames, []) WHERE k STARTS WITH $key) }) THEN 'PLACE'
      WHEN $key IN names THEN 'EXACT'
      WHEN any(k IN names + coalesce(node.searchParts, []) WHERE k STARTS WITH $key) THEN 'PREFIX'
      WHEN any(k IN names WHERE k CONTAINS $key) THEN 'CONTAINS'
      WHEN size($words) > 1 AND all(w IN $words WHERE any(k IN names WHERE k CONTAINS w)) THEN 'CONTAINS'
      WHEN $pinyin IS NOT NULL AND any(k IN names WHERE k CONTAINS $pinyin) THEN 'SOUND'
      ELSE 'TEXT' END AS kind,
      reduce(c = 0.0, k IN names | CASE WHEN k CONTAINS $key AND toFloat(size($key)) / size(k) > c THEN toFloat(size($key)) / size(k) ELSE c END) AS coverage,
      CASE WHEN label = 'Region' THEN COUNT { (node)<-[:IN|FOR|ORIGINATED_IN]-() } ELSE 0 END AS activity
    WITH full, node, label, lucene, kind, coverage, activity,
      CASE WHEN label IN ['Practice', 'Organization'] AND kind <> 'TEXT' THEN [(node)-[:IN]->(r:Region) | elementId(r)] ELSE [] END AS homes
    WITH full, collect({node: node, label: label, lucene: lucene, kind: kind, coverage: coverage, activity: activity}) AS cands, collect(homes) AS homes
    WITH full, cands, reduce(all = [], h IN homes | all + h) AS homes
    UNWIND cands AS c
    WITH full, c.node AS node, c.label AS label, c.lucene AS lucene, c.kind AS kind, c.coverage AS coverage, c.activity AS activity,
      c.label = 'Region' AND elementId(c.node) IN homes AS holdsMatches
    WITH full, node, label, lucene, kind, coverage, activity, holdsMatches,
      CASE WHEN label = 'Region'
      THEN CASE kind WHEN 'EXACT' THEN 6.00 WHEN 'PREFIX' THEN 4.50 WHEN 'PLACE' THEN 4.50 WHEN 'CONTAINS' THEN 3.00 WHEN 'SOUND' THEN 4.00 WHEN 'TEXT' THEN 1.00 ELSE 0.0 END + CASE node.level WHEN 'PROVINCE' THEN 1.20 WHEN 'PREFECTURE' THEN 1.00 WHEN 'COUNTY' THEN 0.80 WHEN 'TOWNSHIP' THEN 0.40 WHEN 'VILLAGE' THEN 0.00 ELSE 0.0 END + CASE WHEN activity > 0 THEN CASE WHEN 0.80 * log(1 + activity) / log(2) > 2.00 THEN 2.00 ELSE 0.80 * log(1 + activity) / log(2) END ELSE 0.0 END + 1.00 * coverage
        + CASE WHEN holdsMatches THEN 2.00 ELSE 0.0 END + CASE WHEN kind = 'TEXT' THEN 1.00 * lucene ELSE 0.0 END
      WHEN label = 'Organization' THEN CASE kind WHEN 'EXACT' THEN 14.00 WHEN 'PREFIX' THEN 8.50 WHEN 'PLACE' THEN 6.00 WHEN 'CONTAINS' THEN 7.00 WHEN 'SOUND' THEN 6.00 WHEN 'TEXT' THEN 3.50 ELSE 0.0 END + 1.00 * lucene + 1.00 * coverage
      ELSE CASE kind WHEN 'EXACT' THEN 14.00 WHEN 'PREFIX' THEN 12.50 WHEN 'PLACE' THEN 6.50 WHEN 'CONTAINS' THEN 7.50 WHEN 'SOUND' THEN 6.50 WHEN 'TEXT' THEN 4.00 ELSE 0.0 END + CASE label WHEN 'GovernanceModel' THEN 0.60 WHEN 'Principle' THEN 0.40 WHEN 'Practice' THEN 0.20 WHEN 'Organization' THEN 0.00 WHEN 'Region' THEN 0.00 ELSE 0.0 END + 1.00 * lucene + 1.00 * coverage END AS score
    ORDER BY score DESC, size(node.name), node.name, coalesce(node.slug, node.code, node.id)
    LIMIT $limit
    CALL (node, label) {
      OPTIONAL MATCH (node)-[:IN]->(home:Region)
      WITH CASE WHEN label = 'Region' THEN node ELSE home END AS place LIMIT 1
      RETURN CASE WHEN place IS NULL THEN [] ELSE COLLECT {
        MATCH (a:Region) WHERE a.code IN [n IN [2, 4, 6, 9, 12] WHERE n <= size(place.code) | substring(place.code, 0, n)]
        RETURN a {.code, .name, .nameEn, .kind} ORDER BY size(a.code) } END AS path
    }
    RETURN {label: label, key: coalesce(node.slug, node.code, node.id), kind: kind, lucene: lucene, coverage: coverage, activity: activity, holdsMatches: holdsMatches, score: score,
      level: CASE WHEN label = 'Region' THEN node.level END,
      text: node {.name, .nameEn, .officialName, .aliases, .pinyin, .site, .summary, .summaryEn, .description, .descriptionEn, .scale, .scaleEn},
      path: path} AS hit"
`);
  });
});
