import { z } from 'zod';
import { optText } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';

const COMPONENT_ROW = z.object({ edition: optText, version: optText });

export const dbmsComponentsQuery = (): DecodedQuery<{
  edition: string | null;
  version: string | null;
}> => ({
  cypher:
    'CALL dbms.components() YIELD name, versions, edition WHERE name = $name RETURN edition, ' +
    'versions[0] AS version',
  params: { name: 'Neo4j Kernel' },
  row: COMPONENT_ROW,
});
