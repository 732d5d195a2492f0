import { placeReported, seedCitation } from './editing-current';

describe('a stored fact read back in the seed format', () => {
  const stored = (over: Partial<Parameters<typeof seedCitation>[0]> = {}) => ({
    quote: '调解成功',
    source: 'kunming-2020',
    offset: 10,
    count: 1,
    occurrence: 1,
    ...over,
  });

  it('writes a quote as the seed does: bare from the founding source, with source and occurrence only where needed', () => {
    expect(seedCitation(stored())).toBe('调解成功');
    expect(seedCitation(stored({ count: 3, occurrence: 2 }))).toEqual({
      quote: '调解成功',
      occurrence: 2,
    });
    expect(seedCitation(stored({ source: 'other-report' }))).toEqual({
      quote: '调解成功',
      source: 'other-report',
    });
    expect(seedCitation(stored({ source: 'other-report', count: null, occurrence: null }))).toEqual(
      { quote: '调解成功', source: 'other-report' },
    );
  });

  it("puts first the quote holding a figure's words, and says which occurrence of them it is", () => {
    const other = stored({ quote: '别的句子', offset: 0 });
    const holder = stored({ quote: '受理120件,办结120件', offset: 20 });
    // The second "120件" starts at code point 9 of the quote: offset 29.
    const placed = placeReported({
      reported: '120件',
      reportedOffset: 29,
      citations: [other, holder],
    });
    expect(placed).toEqual({
      reported: '120件',
      reportedOccurrence: 2,
      citations: [holder, other],
    });
    // Words that stand twice always name their occurrence (the seed's check asks for it), the first
    // too.
    expect(
      placeReported({ reported: '120件', reportedOffset: 22, citations: [other, holder] }),
    ).toMatchObject({ reportedOccurrence: 1 });
    const once = stored({ quote: '共调解纠纷120件', offset: 40 });
    expect(placeReported({ reported: '120件', reportedOffset: 45, citations: [once] })).toEqual({
      reported: '120件',
      citations: [once],
    });
    // Words located in no quote (the seed stores no offset then): the quotes stay as they are.
    expect(placeReported({ reported: '120件', reportedOffset: null, citations: [other] })).toEqual({
      reported: '120件',
      citations: [other],
    });
  });
});
