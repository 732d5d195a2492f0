import { z } from 'zod';
import type { DecodedQuery } from '../core/db/executor';
import { listOf, text } from '../core/db/decode';
import { OrganizationEntity } from './organization.entity';
import type { Organization } from './organization.type';

/** The organisations each practice involves, by organisation key. */
export const organizationsOfPracticesQuery = (ids: readonly string[]): DecodedQuery<{ key: string; orgs: Organization[] }> => ({
  cypher: `UNWIND $ids AS id MATCH (:Practice {id: id})-[:INVOLVES]->(o:Organization)
    WITH id, o ORDER BY o.id RETURN id AS key, collect(${OrganizationEntity.projection('o')}) AS orgs`,
  params: { ids },
  row: z.object({ key: text, orgs: listOf(OrganizationEntity.decode) }),
});
