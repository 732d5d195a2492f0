import { toGlobalId } from '../common/global-id';
import type { CypherQuery, Row } from '../db/executor';
import type { Principle, PrincipleKind } from './principle.type';

export const PRINCIPLE_FIELDS = 'p {.slug, .name, .nameEn, .pinyin, .kind, .description, .descriptionEn}';

export const toPrinciple = (p: Row): Principle =>
  ({
    __typename: 'Principle', id: toGlobalId('Principle', String(p.slug)), slug: String(p.slug), name: String(p.name), nameEn: String(p.nameEn),
    pinyin: (p.pinyin as string) ?? null, kind: p.kind as PrincipleKind, description: (p.description as string) ?? null, descriptionEn: (p.descriptionEn as string) ?? null,
  }) as unknown as Principle;

export const principlesBySlugsQuery = (slugs: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $slugs AS slug MATCH (p:Principle {slug: slug}) RETURN ${PRINCIPLE_FIELDS} AS p`,
  params: { slugs },
});

export const allPrinciplesQuery = (): CypherQuery => ({
  cypher: `MATCH (p:Principle) RETURN ${PRINCIPLE_FIELDS} AS p ORDER BY p.kind, p.slug`,
});
