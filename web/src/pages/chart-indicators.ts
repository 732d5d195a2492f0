import { useEffect, useState } from 'preact/hooks';
import { gql } from '../api/client';
import type { RegionRef } from '../api/fragments';
import { ENDPOINT } from '../api/use-query';
import { CITY_INDICATORS, type CityIndicatorsData } from './chart.query';

/** A city's figures are read a page at a time; a few pages cover any city of the seed graph. */
const MAX_PAGES = 10;

export interface CityIndicator extends RegionRef {
  /** How many county-level units report it. */
  readonly counties: number;
}

/** The indicators at least two of a city's counties report, most reported first. */
export function useCityIndicators(city: string): CityIndicator[] | undefined {
  const [indicators, setIndicators] = useState<CityIndicator[] | undefined>();
  useEffect(() => {
    const abort = new AbortController();
    setIndicators(undefined);
    void (async () => {
      const counties = new Map<string, { indicator: RegionRef; counties: Set<string> }>();
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const data: CityIndicatorsData = await gql<CityIndicatorsData>(
          ENDPOINT,
          CITY_INDICATORS,
          { city, after },
          abort.signal,
        );
        for (const { node } of data.observations.edges) {
          const entry = counties.get(node.indicator.code) ?? {
            indicator: node.indicator,
            counties: new Set<string>(),
          };
          if (node.region.countyLevelUnit) entry.counties.add(node.region.countyLevelUnit.code);
          counties.set(node.indicator.code, entry);
        }
        if (!data.observations.pageInfo.hasNextPage) break;
        after = data.observations.pageInfo.endCursor;
      }
      const list = [...counties.values()]
        .filter((e) => e.counties.size >= 2)
        .map((e) => ({ ...e.indicator, counties: e.counties.size }));
      if (!abort.signal.aborted) setIndicators(list.sort((a, b) => b.counties - a.counties));
    })().catch(() => abort.signal.aborted || setIndicators([]));
    return () => abort.abort();
  }, [city]);
  return indicators;
}
