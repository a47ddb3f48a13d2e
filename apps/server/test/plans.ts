import { SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/kernel/db.js';

type PlanNode = { 'Parent Relationship'?: string; 'Actual Loops': number; Plans?: PlanNode[] };

/**
 * Runs a drizzle query or SQL statement under EXPLAIN ANALYZE and answers how many times each of its sub-selects ran (the plan's
 * SubPlan nodes, in plan order): a list page should run a per-row sub-select for its own rows only.
 */
export async function subSelectRuns(database: Database, query: SQL | { toSQL(): { sql: string; params: unknown[] } }): Promise<number[]> {
  let raw: unknown;
  if (query instanceof SQL) {
    const res = (await database.db.execute(sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`)) as unknown as {
      rows: { 'QUERY PLAN': unknown }[];
    };
    raw = res.rows[0]!['QUERY PLAN'];
  } else {
    const q = query.toSQL();
    const [row] = await database.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, q.params);
    raw = row!['QUERY PLAN'];
  }
  const plan = raw as { Plan: PlanNode }[];
  const runs: number[] = [];
  const walk = (n: PlanNode) => {
    if (n['Parent Relationship'] === 'SubPlan') runs.push(n['Actual Loops']);
    n.Plans?.forEach(walk);
  };
  walk(plan[0]!.Plan);
  return runs;
}
