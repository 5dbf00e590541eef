import type { SizeLabel } from './options';
import type { Summary } from './stats';

export interface InteractionTimes {
  view: string;
  name: string;
  /** The sum of the interaction's queries, per repetition. */
  total: Summary;
  /** The process's CPU time over the same queries: less sensitive to other load on the machine. */
  cpu: Summary;
  queries: { name: string; summary: Summary }[];
}

export interface SizeTimes {
  size: SizeLabel;
  updates: number;
  pairs: number;
  preaggregateMs: number;
  preaggregateCpuMs: number;
  derivedRows: Record<string, number>;
  interactions: InteractionTimes[];
}

export interface QueryTimesMeta {
  date: string;
  commit: string;
  node: string;
  runs: number;
  warmup: number;
  /** 1-minute load averages when the runs began and ended (2 cores: above 2, figures are inflated). */
  loadAverage: { start: number; end: number };
  sizes: SizeTimes[];
}

/** Over this, an interaction's queries leave too little of the 50 ms filter→repaint budget. */
export const QUERY_BUDGET_MS = 25;

const ms = (value: number) => value.toFixed(1);
const flag = (value: number) => (value > QUERY_BUDGET_MS ? ' ⚠' : '');

export function queryTimesMarkdown(meta: QueryTimesMeta): string {
  const lines = [
    '# Query times per interaction',
    '',
    `Measured ${meta.date} on ${meta.commit}, Node ${meta.node}, DuckDB-wasm blocking build; ` +
      `${meta.runs} runs after ${meta.warmup} warm-up, each query alone, one after another. ` +
      `Load average (1 min) ${meta.loadAverage.start.toFixed(2)} at the start, ${meta.loadAverage.end.toFixed(2)} at the end (2 cores). ` +
      `CPU ms is this process's CPU time over the interaction's queries (DuckDB-wasm runs on one thread; ` +
      `V8's own threads can add a little): under load, wall times stretch while CPU times stay nearer an idle machine's. ` +
      `⚠ marks an interaction whose wall time is over ${QUERY_BUDGET_MS} ms. Reproduce: \`npm run bench:queries -- --sizes ${meta.sizes.map((s) => s.size).join(',')}\`.`,
    '',
  ];
  for (const size of meta.sizes) {
    lines.push(
      `## ${size.size}: ${size.updates.toLocaleString('en-GB')} status updates, ${size.pairs.toLocaleString('en-GB')} force × recommendation pairs`,
      '',
      `Pre-aggregates built in ${Math.round(size.preaggregateMs).toLocaleString('en-GB')} ms, CPU ${Math.round(size.preaggregateCpuMs).toLocaleString('en-GB')} ms (${Object.entries(size.derivedRows)
        .map(([table, rows]) => `${table} ${rows.toLocaleString('en-GB')} rows`)
        .join(', ')}).`,
      '',
      '| view | interaction | query | median ms | p95 ms | CPU median ms |',
      '|---|---|---|---:|---:|---:|',
    );
    for (const interaction of size.interactions) {
      lines.push(
        `| ${interaction.view} | ${interaction.name} | **all ${interaction.queries.length}** | **${ms(interaction.total.median)}**${flag(interaction.total.median)} | **${ms(interaction.total.p95)}**${flag(interaction.total.p95)} | ${ms(interaction.cpu.median)} |`,
      );
      for (const query of interaction.queries) {
        lines.push(`| | | ${query.name} | ${ms(query.summary.median)} | ${ms(query.summary.p95)} | |`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}
