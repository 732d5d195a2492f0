import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { awkwardGraph } from '../../test/support/graph-fixture';
import { csvFiles, csvZip } from './export-csv';

/** A table as a CSV parser reads it (BOM handled by the parser, as spreadsheets do). */
const read = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: false }) as string[][];

describe('CSV tables', () => {
  const files = csvFiles(awkwardGraph());
  const byPath = new Map(files.map((f) => [f.path, f.text]));

  it('writes one table per node label and one per relationship type', () => {
    expect(files.map((f) => f.path)).toEqual([
      'nodes/Citation.csv',
      'nodes/GovernanceModel.csv',
      'nodes/Practice.csv',
      'nodes/Region.csv',
      'nodes/Source.csv',
      'relationships/CITED_BY.csv',
      'relationships/FROM.csv',
      'relationships/IMPLEMENTS.csv',
      'relationships/IN.csv',
      'relationships/ORIGINATED_IN.csv',
      'relationships/PART_OF.csv',
    ]);
  });

  it('is UTF-8 with a BOM and CRLF records, and reads back cell for cell through a CSV parser', () => {
    const text = byPath.get('nodes/GovernanceModel.csv')!;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const [header, row] = read(text);
    expect(header).toEqual(['id', 'name', 'originYear', 'ratio', 'slug', 'summary']);
    expect(row).toEqual([
      'GovernanceModel:fengqiao-experience',
      '枫桥经验',
      '1963',
      'NaN',
      'fengqiao-experience',
      'He said "hi",\nthen left',
    ]);
  });

  it('keeps quotes, commas and line breaks inside cells, lists as JSON, missing properties empty', () => {
    const regions = read(byPath.get('nodes/Region.csv')!);
    expect(regions[0]).toEqual(['id', 'aliases', 'code', 'level', 'name', 'population']);
    expect(regions.slice(1)).toEqual([
      ['Region:53', '[]', '53', 'PROVINCE', '云南省', ''],
      ['Region:530103', '["盘龙","Pan,long"]', '530103', '', '盘龙区', '9007199254740993'],
    ]);
    const [, source] = read(byPath.get('nodes/Source.csv')!);
    expect(source).toContain('第一段，“引号”,逗号\n第二行\r\n结束 = 1');
    expect(read(byPath.get('nodes/Practice.csv')!)[1]).toEqual([
      'Practice:p1',
      'p1',
      'A, "B"',
      'true',
      '2020-01-01',
    ]);
  });

  it('names relationship ends by node id, one row per relationship (parallel ones included)', () => {
    expect(read(byPath.get('relationships/ORIGINATED_IN.csv')!)).toEqual([
      ['from', 'to', 'citationIds', 'year'],
      ['GovernanceModel:fengqiao-experience', 'Region:530103', '["c1"]', '1963'],
      ['GovernanceModel:fengqiao-experience', 'Region:530103', '["c1"]', '1963'],
    ]);
  });

  it('zips the same tables, the same bytes every time', () => {
    const zip = csvZip(files);
    expect(Buffer.from(csvZip(csvFiles(awkwardGraph()))).equals(Buffer.from(zip))).toBe(true);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(files.map((f) => f.path));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(entries['nodes/Region.csv'])).toBe(
      byPath.get('nodes/Region.csv'),
    );
  });
});
