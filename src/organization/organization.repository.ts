import { z } from 'zod';
import { optText, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { citedBy, type Entity, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import type { Organization, Person } from './organization.type';

const organizationRow = z.object({
  id: text,
  name: text,
  nameEn: text,
  kind: text,
  regionCode: optText,
  citationIds: z.array(text),
});

export const OrganizationEntity: Entity<Organization> = {
  label: 'Organization',
  key: 'id',
  node: true,
  projection: projector(['id', 'name', 'nameEn', 'kind'], (v) => ({
    regionCode: `[(${v})-[:IN]->(x_reg:Region) | x_reg.code][0]`,
    citationIds: citedBy(v),
  })),
  decode: organizationRow.transform(({ id, ...o }): Organization => ({
    __typename: 'Organization',
    id: toGlobalId('Organization', id),
    key: id,
    ...o,
  })),
};

const positionRow = z.object({ title: text, titleEn: text, period: optText, region: optText });

export const PersonEntity: Entity<Person> = {
  label: 'Person',
  key: 'id',
  node: true,
  projection: projector(['id', 'name', 'nameEn'], (v) => ({
    positions: `[(${v})-[h:HOLDS_POSITION]->() | h {.title, .titleEn, .period, .region}]`,
    citationIds: citedBy(v),
  })),
  decode: z
    .object({
      id: text,
      name: text,
      nameEn: optText,
      positions: z.array(positionRow),
      citationIds: z.array(text),
    })
    .transform(({ id, positions, ...p }): Person => ({
      __typename: 'Person',
      id: toGlobalId('Person', id),
      key: id,
      ...p,
      positions: positions.map(({ region, ...pos }) => ({ ...pos, regionCode: region })),
    })),
};

const ORGS_BY_KEY = z.object({ key: text, orgs: z.array(OrganizationEntity.decode) });

/** The organisations each practice involves, by organisation key. */
export const organizationsOfPracticesQuery = (
  ids: readonly string[],
): DecodedQuery<{ key: string; orgs: Organization[] }> => ({
  cypher: `UNWIND $ids AS id MATCH (:Practice {id: id})-[:INVOLVES]->(o:Organization)
    WITH id, o ORDER BY o.id RETURN id AS key, collect(${OrganizationEntity.projection('o')}) AS orgs`,
  params: { ids },
  row: ORGS_BY_KEY,
});
