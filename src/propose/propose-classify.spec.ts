import {
  classifyAnswer,
  type Outcome,
  ProposeFailure,
  summaryLines,
  waitingReason,
} from './propose-classify';

describe('propose: answers and reasons', () => {
  const vocabulary = {
    newIndicators: new Map([['draft_x', '新指标']]),
    newUnits: new Map<string, string>(),
  };

  it('explains each kind of wait', () => {
    expect(
      waitingReason({ label: 'Indicator', key: 'draft_x', field: 'indicator' }, vocabulary),
    ).toMatch(
      /new indicator draft_x \(新指标\), proposed with this draft: a reviewer publishes it/,
    );
    expect(waitingReason({ label: 'Source', key: 's', field: 'citations' }, vocabulary)).toMatch(
      /source s is not published yet/,
    );
    expect(waitingReason({ label: 'Region', key: '530199', field: 'region' }, vocabulary)).toBe(
      'region 530199 is not in the graph',
    );
    expect(
      waitingReason({ label: 'Observation', key: 'o1', field: 'numerator' }, vocabulary),
    ).toMatch(/its numerator o1/);
  });

  it('tells a new change from one proposed before (same request again, or CONFLICT), keeps field problems, ends the run on anything else', () => {
    expect(
      classifyAnswer(
        'SOURCE',
        's',
        { data: { proposeFact: { id: 'c1', status: 'DRAFT', version: 1 } } },
        new Set(),
      ),
    ).toMatchObject({ kind: 'proposed', changeId: 'c1' });
    expect(
      classifyAnswer(
        'SOURCE',
        's',
        { data: { proposeFact: { id: 'c1', status: 'DRAFT', version: 1 } } },
        new Set(['c1']),
      ),
    ).toMatchObject({ kind: 'open' });
    expect(
      classifyAnswer(
        'SOURCE',
        's',
        { data: { proposeFact: { id: 'c1', status: 'IN_REVIEW', version: 2 } } },
        new Set(),
      ),
    ).toMatchObject({ kind: 'open' });
    expect(
      classifyAnswer(
        'SOURCE',
        's',
        {
          data: null,
          errors: [{ message: 'open', extensions: { code: 'CONFLICT', changeId: 'c9' } }],
        },
        new Set(),
      ),
    ).toMatchObject({ kind: 'open', changeId: 'c9' });
    const refused = classifyAnswer(
      'OBSERVATION',
      'o',
      {
        errors: [
          {
            message: 'bad',
            extensions: {
              code: 'BAD_USER_INPUT',
              problems: [{ field: 'fact.reported', message: 'is not inside any of its quotes' }],
            },
          },
        ],
      },
      new Set(),
    );
    expect(refused).toMatchObject({ kind: 'refused', problems: [{ field: 'fact.reported' }] });
    expect(() =>
      classifyAnswer(
        'SOURCE',
        's',
        { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] },
        new Set(),
      ),
    ).toThrow(ProposeFailure);
  });

  it('sums up by kind and type, and groups waiting facts under each of their reasons', () => {
    const outcomes: Outcome[] = [
      { kind: 'proposed', type: 'SOURCE', key: 's', changeId: 'c1' },
      { kind: 'proposed', type: 'OBSERVATION', key: 'o1', changeId: 'c2' },
      { kind: 'open', type: 'MODEL', key: 'm', changeId: 'c3' },
      { kind: 'waiting', type: 'OBSERVATION', key: 'o2', reasons: ['r1', 'r2'] },
      { kind: 'waiting', type: 'OBSERVATION', key: 'o3', reasons: ['r1'] },
    ];
    expect(summaryLines(outcomes)).toEqual([
      'proposed 2 (SOURCE 1, OBSERVATION 1)',
      'already open 1 (MODEL 1)',
      'waiting 2 (OBSERVATION 2)',
      '  r1:',
      '    OBSERVATION o2',
      '    OBSERVATION o3',
      '  r2:',
      '    OBSERVATION o2',
    ]);
  });
});
