import { createHash } from 'node:crypto';
import { generateLayer, type LayerInput, prng } from './generate';

const input = (seed: number): LayerInput => ({
  seed,
  counties: [
    { code: '530102', name: '五华区', townships: ['530102001', '530102002'] },
    { code: '530103', name: '盘龙区', townships: [] },
    { code: '110101', name: '东城区', townships: ['110101001'] },
  ],
  principles: [
    'autonomy',
    'rule-of-law',
    'rule-of-virtue',
    'smart-governance',
    'political-leadership',
    'co-governance',
  ],
  indicators: [
    { code: 'rate', name: '调解成功率', unit: 'percent' },
    { code: 'cases', name: '调处纠纷', unit: 'case' },
  ],
  seedModels: ['fengqiao-experience'],
  models: 30,
  practicesPerCounty: 20,
});
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('the generated benchmark layer', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(digest(generateLayer(input(7)))).toBe(digest(generateLayer(input(7))));
    expect(digest(generateLayer(input(7)))).not.toBe(digest(generateLayer(input(8))));
    expect(prng(1)()).toBe(prng(1)());
  });

  it('sizes practices by counties and puts each in a county or one of its townships', () => {
    const layer = generateLayer(input(7));
    expect(layer.practices).toHaveLength(60);
    const allowed = new Set(input(7).counties.flatMap((c) => [c.code, ...c.townships]));
    expect(layer.practices.every((p) => allowed.has(p.region))).toBe(true);
    expect(layer.observations.length).toBeGreaterThanOrEqual(3 * 60);
    expect(layer.observations.length).toBeLessThanOrEqual(9 * 60);
  });

  it('builds lineage trees of earlier models only, so there are no cycles', () => {
    const { models } = generateLayer(input(7));
    const index = new Map(models.map((m, i) => [m.slug, i]));
    for (const [i, m] of models.entries())
      if (m.parent && index.has(m.parent)) expect(index.get(m.parent)!).toBeLessThan(i);
  });

  it('quotes every figure from the generated text at its offset, with the reported words inside', () => {
    const layer = generateLayer(input(7));
    const chars = [...layer.sourceText];
    const byId = new Map(layer.citations.map((c) => [c.id, c]));
    for (const o of layer.observations.slice(0, 50)) {
      const c = byId.get(o.citation)!;
      expect(chars.slice(c.offset, c.offset + c.length).join('')).toBe(c.quote);
      expect(c.quote).toContain(o.reported);
    }
  });
});
