import type { SearchRow } from './search.repository';
import { labelsFor, toHits } from './search.service';
import { SearchHitType } from './search.type';

const row = (label: SearchRow['label'], key: string, name: string, over: Partial<SearchRow['n']> = {}): SearchRow => ({
  label, key, rank: 1,
  n: { name, nameEn: null, officialName: null, aliasesText: null, summary: null, summaryEn: null, description: null, descriptionEn: null, scale: null, scaleEn: null, ...over },
});

describe('search hits', () => {
  it('searches every kind, or only those asked for', () => {
    expect(labelsFor(null)).toEqual(['GovernanceModel', 'Practice', 'Principle', 'Region', 'Organization']);
    expect(labelsFor([SearchHitType.REGION])).toEqual(['Region']);
    expect(labelsFor([SearchHitType.ORGANIZATION])).toEqual(['Organization']);
  });

  it('makes organisations (teams and groups of people) hits of their own type', () => {
    const [hit] = toHits([row('Organization', 'dongchuan-red-armband-volunteers', '红袖标治安志愿者')], '红袖标');
    expect(hit).toMatchObject({ type: 'ORGANIZATION', id: 'Organization:dongchuan-red-armband-volunteers', snippet: '红袖标治安志愿者' });
  });

  it('gives each hit its type, global id and the snippet around the match', () => {
    const hits = toHits([row('GovernanceModel', 'fengqiao-experience', '枫桥经验', { summary: `${'甲'.repeat(60)}枫桥${'乙'.repeat(60)}` }), row('Region', '530103', '盘龙区')], '枫桥');
    expect(hits.map((h) => [h.type, h.id])).toEqual([
      ['MODEL', 'GovernanceModel:fengqiao-experience'],
      ['REGION', 'Region:530103'],
    ]);
    expect(hits[0]!.snippet).toBe('枫桥经验');
    expect(hits[0]).toMatchObject({ label: 'GovernanceModel', key: 'fengqiao-experience' });
  });
});
