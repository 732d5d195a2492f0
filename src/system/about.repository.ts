import type { CypherQuery, Executor } from '../db/executor';

export const dbmsComponentsQuery = (): CypherQuery => ({
  cypher: 'CALL dbms.components() YIELD name, versions, edition WHERE name = $name RETURN edition, versions[0] AS version',
  params: { name: 'Neo4j Kernel' },
});

export async function findDatabaseInfo(executor: Executor): Promise<{ edition: string; version: string }> {
  const [row] = await executor.read(dbmsComponentsQuery(), 'about');
  return { edition: String(row?.edition ?? 'unknown'), version: String(row?.version ?? 'unknown') };
}
