// The report of a run: everything measured as JSON, and a markdown summary a person reads.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ClosedLoop, Settings } from './load.js';
import type { PgbenchResult } from './pgbench.js';
import type { EndpointResult, Goal, ScenarioResult, Stage } from './types.js';

export type Report = {
  date: string;
  quick: boolean;
  machine: {
    cpus: string;
    memoryGb: number;
    node: string;
    postgres: string;
    commit: string;
    dirty: boolean;
    loadAverage: number[];
  };
  settings: Settings;
  stages: {
    stage: Stage & Record<string, unknown>;
    data: unknown;
    baselines: Record<string, ClosedLoop | PgbenchResult>;
    scenarios: Record<string, ScenarioResult & { title: string; seconds?: number }>;
  }[];
  standalone: (ScenarioResult & { name: string; title: string; seconds?: number })[];
  totalSeconds?: number;
  /** scenarios measured again later and merged in (bench/run.ts --merge) */
  remeasured?: { date: string; scenarios: string[] }[];
};

const cell = (v: unknown) => String(v ?? '—').replace(/\|/g, '\\|');

function table(rows: (string | number)[][]): string {
  if (rows.length === 0) return '';
  const [head, ...body] = rows;
  return [
    `| ${head!.map(cell).join(' | ')} |`,
    `|${head!.map(() => '---').join('|')}|`,
    ...body.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function baselineRows(b: Record<string, ClosedLoop | PgbenchResult>): (string | number)[][] {
  const rows: (string | number)[][] = [['baseline', 'throughput (median of runs)', 'spread', 'latency']];
  for (const [name, r] of Object.entries(b)) {
    if ('tps' in r)
      rows.push([name, `${Math.round(r.tps.median)} tps (${r.clients} clients)`, `${r.tps.spreadPct} %`, `avg ${r.latencyMs} ms`]);
    else
      rows.push([
        name,
        `${Math.round(r.rps.median)} req/s (${r.connections} conn.)`,
        `${r.rps.spreadPct} %`,
        `p50 ${r.p50Ms} / p99 ${r.p99Ms} ms`,
      ]);
  }
  return rows;
}

export function markdown(report: Report): string {
  const m = report.machine;
  const head = [
    `# Benchmark ${report.date.slice(0, 10)}${report.quick ? ' (quick)' : ''}`,
    '',
    `Commit ${m.commit}${m.dirty ? ' (with uncommitted changes)' : ''} · ${m.cpus} · ${m.memoryGb} GiB · Node ${m.node} · ${m.postgres} · ` +
      `load average at start ${m.loadAverage.join(' / ')} · ${report.settings.runs} runs of ${report.settings.duration} s after ` +
      `${report.settings.warmup} s warm-up, ${report.settings.connections} connections · total ${report.totalSeconds ?? '?'} s`,
  ];
  for (const r of report.remeasured ?? []) head.push('', `Measured again at ${r.date} and merged in: ${r.scenarios.join(', ')}.`);
  const body: string[] = [];
  const goals: Goal[] = [];
  const scenario = (level: string, name: string, sc: ScenarioResult & { title: string }) => {
    body.push('', `${level} ${sc.title} (\`${name}\`)`);
    for (const t of sc.tables) body.push('', `**${t.title}**`, '', table(t.rows));
    if (sc.notes?.length) body.push('', ...sc.notes.map((n) => `- ${n}`));
  };
  for (const st of report.stages) {
    body.push('', `## Data: ${st.stage.name}`, '', '```json', JSON.stringify(st.data), '```', '', '### Baselines (same run)', '');
    body.push(table(baselineRows(st.baselines)));
    for (const [name, sc] of Object.entries(st.scenarios)) {
      scenario('###', name, sc);
      for (const g of sc.goals ?? []) goals.push({ ...g, goal: `${g.goal} — ${st.stage.name}` });
    }
  }
  for (const sc of report.standalone) {
    scenario('##', sc.name, sc);
    goals.push(...(sc.goals ?? []));
  }
  const goalTable = [
    '',
    '## Goals',
    '',
    table([['goal', 'measured', 'met'], ...goals.map((g) => [g.goal, g.measured, g.met === null ? '—' : g.met ? 'yes' : '**no**'])]),
  ];
  return [...head, ...goalTable, ...body].join('\n') + '\n';
}

/** Writes <date>[-quick].json and .md; returns the paths. */
/**
 * Writes `<date>.json` and `.md`; another run of the same day gets `<date>-2`, `-3` …; `replace` names the report
 * to write over (--merge: the report merged into).
 */
export function writeReport(dir: string, report: Report, replace?: string): string[] {
  const name = `${report.date.slice(0, 10)}${report.quick ? '-quick' : ''}`;
  let base = replace ? replace.replace(/\.json$/, '') : path.join(dir, name);
  for (let n = 2; !replace && existsSync(`${base}.json`); n++) base = path.join(dir, `${name}-${n}`);
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(`${base}.md`, markdown(report));
  return [`${base}.json`, `${base}.md`];
}

/** The columns every scenario shows for an endpoint measured with ctx.measure, and their header. */
export const endpointHeader = [
  'requests',
  'idle p50 / p95 ms',
  'server p50 / p95 ms',
  'queries / request',
  'peak req/s',
  'pipelined 10',
  'at 80 % of peak p50 / p95 / p99 ms',
  '÷ B2',
  'response',
];

export function endpointRow(name: string, m: EndpointResult): (string | number)[] {
  return [
    name,
    `${m.idle.p50} / ${m.idle.p95}`,
    `${m.serverTime.p50} / ${m.serverTime.p95}`,
    m.queriesPerRequest,
    `${Math.round(m.peak.rps.median)} (±${m.peak.rps.spreadPct} %)`,
    m.peakPipelined ? Math.round(m.peakPipelined.rps.median) : '—',
    m.at80 ? `${m.at80.p50} / ${m.at80.p95} / ${m.at80.p99}` : '—',
    m.ratioToB2,
    `${m.idle.bytes} B`,
  ];
}
