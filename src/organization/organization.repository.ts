import { toGlobalId } from '../common/global-id';
import type { CypherQuery, Row } from '../db/executor';
import type { Organization, Person } from './organization.type';

export const ORGANIZATION_FIELDS = 'o {.id, .name, .nameEn, .kind, regionCode: [(o)-[:IN]->(r:Region) | r.code][0], citationIds: [(o)-[:CITED_BY]->(c:Citation) | c.id]}';

export const toOrganization = (o: Row): Organization =>
  ({
    __typename: 'Organization', id: toGlobalId('Organization', String(o.id)), key: String(o.id), name: String(o.name), nameEn: String(o.nameEn),
    kind: String(o.kind), regionCode: (o.regionCode as string) ?? null, citationIds: (o.citationIds as string[]) ?? [],
  }) as unknown as Organization;

export const toPerson = (p: Row): Person =>
  ({
    __typename: 'Person', id: toGlobalId('Person', String(p.id)), key: String(p.id), name: String(p.name), nameEn: (p.nameEn as string) ?? null,
    positions: ((p.positions as Row[]) ?? []).map((x) => ({ title: String(x.title), titleEn: String(x.titleEn), period: (x.period as string) ?? null, regionCode: (x.region as string) ?? null })),
    citationIds: (p.citationIds as string[]) ?? [],
  }) as unknown as Person;

export const organizationsByIdsQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN ${ORGANIZATION_FIELDS} AS o`,
  params: { ids },
});

export const organizationsOfPracticesQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (:Practice {id: id})-[:INVOLVES]->(o:Organization)
    WITH id, o ORDER BY o.id RETURN id AS key, collect(${ORGANIZATION_FIELDS}) AS orgs`,
  params: { ids },
});

export const peopleByIdsQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (p:Person {id: id})
    RETURN p {.id, .name, .nameEn, positions: [(p)-[h:HOLDS_POSITION]->() | h {.title, .titleEn, .period, .region}],
      citationIds: [(p)-[:CITED_BY]->(c:Citation) | c.id]} AS p`,
  params: { ids },
});
