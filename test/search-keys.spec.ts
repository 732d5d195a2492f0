import type { Fact } from '../src/editing/editing-facts';
import { publishStatements } from '../src/editing/publish.statements';
import { WRITE } from '../src/facts/fact.statements';

/**
 * A fact published through the API is written by the seed's own statements over rows built by
 * the same RowBuilder, so it carries the same search keys as a seeded one (search-keys.ts).
 */
describe('search keys of published facts', () => {
  const actor = { by: 'User:test', byName: 'test' };
  const rowsOf = (statements: ReturnType<typeof publishStatements>, cypher: string) =>
    statements.find((s) => s.cypher === cypher)!.params!.rows as Array<Record<string, any>>;

  it('gives a published model its names in Chinese, pinyin and English', () => {
    const model = {
      slug: 'test-fengqiao-model',
      name: '测试“枫桥”模式',
      nameEn: 'Test Fengqiao model',
      pinyin: 'Cèshì Fēngqiáo Móshì',
      aliases: ['测试枫桥'],
      kind: 'MODEL',
      editorial: { basis: 'a test' },
    };
    const [row] = rowsOf(
      publishStatements('MODEL', model as unknown as Fact, model.slug, 1, new Map(), actor),
      WRITE.model,
    );
    expect(row!.props.searchNames).toEqual(
      expect.arrayContaining([
        '测试枫桥模式',
        'ceshifengqiaomoshi',
        'testfengqiaomodel',
        '测试枫桥',
      ]),
    );
    expect(row!.props.searchParts).toEqual(expect.arrayContaining(['枫桥', 'fengqiao']));
    expect(row!.props.searchKeys).toContain(' fengqiaomoshi ');
  });

  it('gives a published principle its keys through the principle statement', () => {
    const principle = {
      slug: 'test-principle',
      name: '测试治',
      nameEn: 'test governance',
      kind: 'VALUE',
      editorial: { basis: 'a test' },
    };
    const statements = publishStatements(
      'PRINCIPLE',
      principle as unknown as Fact,
      principle.slug,
      1,
      new Map(),
      actor,
    );
    expect(WRITE.principle).toContain(
      'searchNames: r.searchNames, searchParts: r.searchParts, searchKeys: r.searchKeys',
    );
    expect(rowsOf(statements, WRITE.principle)[0]!.searchNames).toEqual(
      expect.arrayContaining(['测试治', 'ceshizhi', 'testgovernance']),
    );
  });
});
