import path from 'node:path';
import { edgeProblem, namesOf, originProblem } from '../facts/claims.rules';
import { emptyBundle, type SeedItem } from '../facts/fact.schema';
import { checkClaims } from './seed-check-claims';
import { SeedCheck } from './seed-check-structure';
import { readSeed, type SeedBundle } from './seed-files';

type Model = SeedItem<'models'>;

const model = (slug: string, name: string, more: Partial<Model> = {}): Model => ({
  slug,
  name,
  nameEn: slug,
  pinyin: slug,
  kind: 'MODEL',
  ...more,
});

/** A check over these models only (claims need no source text: the cues are read in the quotes). */
function checked(models: Model[]): SeedCheck {
  const bundle: SeedBundle = {
    ...emptyBundle(),
    models: models.map((item, i) => ({ item, file: 'seed/models.yaml', path: `models[${i}]` })),
  };
  const check = new SeedCheck(bundle, '/nowhere');
  checkClaims(check);
  return check;
}

const stated = (reason = 'read') => ({ verdict: 'STATED' as const, reason });
const editorial = (reason = 'read') => ({ verdict: 'EDITORIAL' as const, reason });
const fengqiao = model('fengqiao-experience', '枫桥经验');
const mediation = model('people-mediation', '人民调解', { aliases: ['调委会'] });

describe('claims: origins', () => {
  it('passes an origin whose quote says the model began there, with its year', () => {
    expect(
      originProblem({
        region: '530102',
        year: 2020,
        citations: ['2020年,五华区以市域社会治理现代化为抓手,工作中探索形成的新模式'],
        review: stated(),
      }),
    ).toBeUndefined();
  });

  it('fails a STATED origin that quotes only 推行, saying it was only implemented', () => {
    expect(
      originProblem({ region: '530124', citations: ['富民县推行办案监督前置'], review: stated() }),
    ).toMatch(/say only that it was implemented there \(推行\)/);
  });

  it('fails a STATED origin with neither kind of word, and one whose year is in no quote', () => {
    expect(
      originProblem({
        region: '530128',
        citations: ['“禄劝模式”下村庄10年无诉讼'],
        review: stated(),
      }),
    ).toMatch(/no quote says it began there/);
    expect(
      originProblem({
        region: '530113',
        year: 2020,
        citations: ['东川区一边管理一边探索,形成了东川实践。'],
        review: stated(),
      }),
    ).toMatch(/year 2020 stands in none/);
  });

  it('needs a review, and the basis of an EDITORIAL one', () => {
    expect(
      originProblem({ region: '330681', year: 1963, editorial: { basis: 'documented history' } }),
    ).toMatch(/has no review/);
    expect(
      originProblem({
        region: '330681',
        year: 1963,
        editorial: { basis: 'documented history' },
        review: editorial(),
      }),
    ).toBeUndefined();
    expect(
      originProblem({
        region: '530181',
        citations: ['安宁市建立“宜居安宁平安指数”体系'],
        review: editorial(),
      }),
    ).toMatch(/no editorial\.basis/);
  });
});

describe('claims: lineage edges', () => {
  it('passes an edge whose quote names the target and says the relation', () => {
    const online = model('online-fengqiao-experience', '网上枫桥经验');
    expect(
      edgeProblem(
        {
          slug: 'fengqiao-experience',
          relation: 'DIGITALISATION',
          citations: ['线上线下融合的“一站式”诉讼服务和纠纷化解平台的“网上枫桥经验”'],
          review: stated(),
        },
        online,
        fengqiao,
      ),
    ).toBeUndefined();
  });

  it('fails an EXTENSION edge whose quote names only one of the two models', () => {
    const studio = model('family-mediation-studio', '家事调解工作室');
    const edge = {
      slug: 'people-mediation',
      relation: 'EXTENSION' as const,
      citations: ['进一步发展“家事调解工作室”'],
      review: stated(),
    };
    expect(edgeProblem(edge, studio, mediation)).toMatch(/no quote names 人民调解 or an alias/);
  });

  it('fails a STATED edge whose quote names both but has no cue of the relation', () => {
    const ddr = model('diversified-dispute-resolution', '矛盾纠纷多元化解机制');
    const edge = {
      slug: 'fengqiao-experience',
      relation: 'INSPIRATION' as const,
      citations: ['发展“枫桥经验”深化矛盾纠纷多元化解工作'],
      review: stated(),
    };
    expect(edgeProblem(edge, ddr, fengqiao)).toMatch(/says the relation \(借鉴/);
  });

  it('states PART_OF only by a quote naming both the part and the whole', () => {
    const studio = model('family-mediation-studio', '家事调解工作室');
    const edge = (quote: string) => ({
      slug: 'people-mediation',
      relation: 'PART_OF' as const,
      citations: [quote],
      review: stated(),
    });
    expect(
      edgeProblem(edge('在村人民调解委员会下挂牌设立“家事调解工作室”'), studio, mediation),
    ).toBeUndefined();
    expect(edgeProblem(edge('晋宁区还在5个村委会试点人民调解'), studio, mediation)).toMatch(
      /no quote names both/,
    );
  });

  it('compares names without quotation marks or the seed’s bracketed qualifier', () => {
    expect(
      namesOf({
        name: '五治融合(太和街道:自治、共治、德治、法治、智治)',
        aliases: ['“吹哨报到”工作机制'],
      }),
    ).toEqual(['五治融合', '吹哨报到工作机制']);
  });
});

describe('checkClaims', () => {
  it('reports each planted fault at its model and claim', () => {
    const check = checked([
      fengqiao,
      mediation,
      model('case-supervision-upfront', '办案监督前置', {
        origin: { region: '530124', citations: ['富民县推行办案监督前置'], review: stated() },
      }),
      model('three-level-mediation', '三级调解', {
        derivedFrom: [
          { slug: 'fengqiao-experience', relation: 'INSPIRATION', editorial: { basis: 'slogan' } },
        ],
      }),
      model('yunzhitiao', '云智调', {
        derivedFrom: [
          {
            slug: 'people-mediation',
            relation: 'DIGITALISATION',
            citations: ['司法所“智慧人民调解·云智调”平台'],
            review: stated(),
          },
        ],
      }),
      model('five-zeros', '五零创建', {
        derivedFrom: [
          {
            slug: 'fengqiao-experience',
            relation: 'LOCALISATION',
            editorial: { basis: 'x' },
            review: editorial(),
          },
        ],
      }),
    ]);
    expect(check.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^models\[2\]\.origin: .*only that it was implemented there \(推行\)/),
      expect.stringMatching(
        /^models\[3\]\.derivedFrom\[0\]: the INSPIRATION edge to fengqiao-experience has no review/,
      ),
    ]);
  });

  it('passes on the committed seed/models.yaml', () => {
    const { bundle, problems } = readSeed(path.resolve(__dirname, '../../seed'));
    expect(problems.filter((p) => p.file.endsWith('models.yaml'))).toEqual([]);
    const check = new SeedCheck(bundle, '/nowhere');
    checkClaims(check);
    expect(check.problems).toEqual([]);
  });
});
