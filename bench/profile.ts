import type { Driver } from 'neo4j-driver';
import { type CypherQuery, type DecodedQuery, Executor, type Row } from '../src/core/db/executor';
import type { App } from '../src/server/app';
import { createContext } from '../src/server/context';
import type { BenchCase } from './bench-case';

/** An executor that also keeps every statement it runs, to PROFILE them afterwards. */
class RecordingExecutor extends Executor {
  readonly seen: CypherQuery[] = [];

  /** The request's executor is this one, so its statements are seen. */
  override scoped(): Executor {
    return this;
  }

  override read<T>(query: DecodedQuery<T>, label?: string): Promise<T[]>;
  override read(query: CypherQuery, label?: string): Promise<Row[]>;
  override read<T>(query: CypherQuery | DecodedQuery<T>, label?: string): Promise<Array<T | Row>> {
    this.seen.push(query);
    return 'row' in query ? super.read(query, label) : super.read(query, label);
  }
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  children: PlanNode[];
}

const totalHits = (n: PlanNode): number =>
  n.dbHits + n.children.reduce((sum, c) => sum + totalHits(c), 0);
const heaviest = (n: PlanNode): PlanNode[] =>
  [n, ...n.children.flatMap(heaviest)].sort((a, b) => b.dbHits - a.dbHits);

/** Each case's Zhili statement(s), PROFILEd: db hits, rows, time, and the heaviest operators. */
export async function profileCases(
  cases: readonly BenchCase[],
  app: App,
  driver: Driver,
  database = 'neo4j',
): Promise<string> {
  const lines = [
    '| operation | statements | db hits | rows | ms | heaviest operators (db hits) |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of cases) {
    const executor = new RecordingExecutor(driver, {
      database,
      timeoutMs: 60_000,
      app: 'zhili-bench-profile',
    });
    await app.apollo.executeOperation(
      { query: c.zhili.query, variables: c.zhili.variables },
      { contextValue: createContext(executor, 'profile', app.log) },
    );
    const session = driver.session({ database });
    try {
      for (const q of executor.seen) {
        await session.run(q.cypher, q.params ?? {});
        const result = await session.run(`PROFILE ${q.cypher}`, q.params ?? {});
        const plan = result.summary.profile as unknown as PlanNode;
        const ms =
          Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter);
        const top = heaviest(plan)
          .slice(0, 3)
          .map((n) => `${n.operatorType.replace(/@neo4j$/, '')} ${n.dbHits}`)
          .join(', ');
        lines.push(
          `| ${c.name} | ${executor.seen.length} | ${totalHits(plan)} | ${plan.rows} | ${ms} | ${top} |`,
        );
      }
    } finally {
      await session.close();
    }
  }
  return lines.join('\n');
}
