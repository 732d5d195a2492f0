import { toGlobalId } from '../common/global-id';
import type { CypherQuery, Row } from '../db/executor';
import type { Indicator, Unit, UnitKind } from './indicator.type';

export const INDICATOR_FIELDS = 'i {.code, .name, .nameEn, .unit, .higherIsBetter, .description, .descriptionEn}';

export const toIndicator = (i: Row): Indicator =>
  ({
    __typename: 'Indicator', id: toGlobalId('Indicator', String(i.code)), code: String(i.code), name: String(i.name), nameEn: String(i.nameEn),
    higherIsBetter: (i.higherIsBetter as boolean) ?? null, description: (i.description as string) ?? null, descriptionEn: (i.descriptionEn as string) ?? null,
    unitCode: String(i.unit),
  }) as unknown as Indicator;

export const toUnit = (u: Row): Unit => ({ code: String(u.code), name: String(u.name), nameEn: String(u.nameEn), kind: u.kind as UnitKind });

export const indicatorsByCodesQuery = (codes: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $codes AS code MATCH (i:Indicator {code: code}) RETURN ${INDICATOR_FIELDS} AS i`,
  params: { codes },
});

export const allIndicatorsQuery = (): CypherQuery => ({ cypher: `MATCH (i:Indicator) RETURN ${INDICATOR_FIELDS} AS i ORDER BY i.code` });

export const unitsByCodesQuery = (codes: readonly string[]): CypherQuery => ({
  cypher: 'UNWIND $codes AS code MATCH (u:Unit {code: code}) RETURN u {.code, .name, .nameEn, .kind} AS u',
  params: { codes },
});
