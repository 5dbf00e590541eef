import type { ChartSpec } from '../charts/shared/chart-spec';
import type { Connector } from '../db/connector';
import type { Filters } from '../metrics/common/filters';
import { filterParameters, type NamedParameter } from '../sql-console/named-parameters';
import { resultTable, type ResultTable } from '../sql-console/result-table';
import { runReadOnlyQuery } from '../sql-console/run-read-only-query';
import { checkReadOnly } from '../sql-console/read-only-guard';
import { significantTokens, tokenizeSql } from '../sql-console/sql-tokens';
import { chartBlockSpec } from './chart-block';
import { chartSubtitle } from './chart-subtitle';
import { composeQuery } from './compose-query';
import type { ChartBlock, Notebook, NotebookProblem, ProseBlock, SqlBlock } from './notebook';

/**
 * Rows of a block's result turned into JavaScript values: tables and charts need no more, and a
 * helper block of a million rows must not fill the page's memory. The row count stays exact.
 */
export const NOTEBOOK_ROW_LIMIT = 10_000;

export interface NotebookRunInput {
  filters: Filters;
  /** Values of the notebook's own parameters; missing ones take their defaults. */
  values: Readonly<Record<string, string>>;
  /** The source line of the loaded data, for every chart. */
  source: string;
}

export type SqlOutcome =
  | {
      status: 'ok';
      result: ResultTable;
      milliseconds: number;
      usedParameters: string[];
      sentSql: string;
      /** A hidden helper block nothing draws from: checked by DuckDB (LIMIT 0), its rows computed only inside the blocks that use it. */
      checkedOnly: boolean;
    }
  | { status: 'refused' | 'error' | 'skipped'; message: string; sentSql: string | null };

export type BlockRun =
  | { kind: 'prose'; block: ProseBlock }
  | { kind: 'sql'; block: SqlBlock; outcome: SqlOutcome }
  | { kind: 'chart'; block: ChartBlock; chart: { ok: true; spec: ChartSpec } | { ok: false; message: string } };

export interface NotebookRun {
  blocks: BlockRun[];
  /** The problems of the notebook's text; when there are any, no block runs. */
  problems: NotebookProblem[];
  /** Choices for parameters that take them from a query: value and label. */
  choices: Record<string, { value: string; label: string }[]>;
  /** The parameter values used, defaults filled in. */
  values: Record<string, string>;
}

/** Runs every block in order against the loaded data, with the filters and parameters bound. */
export async function runNotebook(db: Connector, notebook: Notebook, input: NotebookRunInput): Promise<NotebookRun> {
  const values: Record<string, string> = {};
  for (const parameter of notebook.parameters) values[parameter.name] = input.values[parameter.name] ?? parameter.default;
  if (notebook.problems.length > 0) return { blocks: [], problems: notebook.problems, choices: {}, values };

  const parameters: NamedParameter[] = [
    ...filterParameters(input.filters),
    ...notebook.parameters.map((p): NamedParameter => ({ name: p.name, type: 'VARCHAR', value: values[p.name]!, description: p.label })),
  ];
  const runs: BlockRun[] = [];
  const outcomes = new Map<string, SqlOutcome>();
  const earlier: SqlBlock[] = [];
  const drawnFrom = new Set<string>([
    ...notebook.blocks.flatMap((b) => (b.kind === 'chart' && b.options.from ? [b.options.from.toLowerCase()] : [])),
    ...notebook.parameters.flatMap((p) => (p.options ? [p.options.toLowerCase()] : [])),
  ]);

  for (const block of notebook.blocks) {
    if (block.kind === 'prose') {
      runs.push({ kind: 'prose', block });
    } else if (block.kind === 'sql') {
      const checkOnly = block.hidden && block.name !== null && !drawnFrom.has(block.name.toLowerCase()) && isQuery(block.sql);
      const outcome = await runSqlBlock(db, block, earlier, outcomes, parameters, checkOnly);
      earlier.push(block);
      if (block.name) outcomes.set(block.name.toLowerCase(), outcome);
      runs.push({ kind: 'sql', block, outcome });
    } else {
      runs.push({ kind: 'chart', block, chart: runChartBlock(notebook, block, outcomes, input, values) });
    }
  }
  return { blocks: runs, problems: [], choices: choicesOf(notebook, outcomes), values };
}

async function runSqlBlock(
  db: Connector,
  block: SqlBlock,
  earlier: readonly SqlBlock[],
  outcomes: ReadonlyMap<string, SqlOutcome>,
  parameters: readonly NamedParameter[],
  checkOnly: boolean,
): Promise<SqlOutcome> {
  // The block's own text is checked first, so a refusal names what the author wrote.
  const verdict = checkReadOnly(block.sql);
  if (!verdict.ok) return { status: 'refused', message: verdict.reason, sentSql: null };
  const composed = composeQuery(block, earlier);
  const failed = composed.uses.filter((name) => outcomes.get(name.toLowerCase())?.status !== 'ok');
  if (failed.length > 0) {
    return { status: 'skipped', message: `Not run: it uses ${failed.join(', ')}, which did not run.`, sentSql: null };
  }
  const sent = checkOnly ? `SELECT * FROM (\n${composed.sql}\n) AS checked LIMIT 0` : composed.sql;
  const outcome = await runReadOnlyQuery(db, sent, parameters);
  if (outcome.status === 'ok') {
    return {
      status: 'ok',
      result: resultTable(outcome.table, NOTEBOOK_ROW_LIMIT),
      milliseconds: outcome.milliseconds,
      usedParameters: outcome.usedParameters,
      sentSql: sent,
      checkedOnly: checkOnly,
    };
  }
  return { status: outcome.status, message: outcome.message, sentSql: sent };
}

/** Blocks that can sit inside FROM ( … ): the ones that also compose as CTEs. */
function isQuery(sql: string): boolean {
  const first = significantTokens(tokenizeSql(sql).tokens)[0];
  return first?.kind === 'word' && ['select', 'with', 'from', 'values'].includes(first.value);
}

function runChartBlock(
  notebook: Notebook,
  block: ChartBlock,
  outcomes: ReadonlyMap<string, SqlOutcome>,
  input: NotebookRunInput,
  values: Readonly<Record<string, string>>,
): Extract<BlockRun, { kind: 'chart' }>['chart'] {
  const from = block.options.from ?? '';
  const outcome = outcomes.get(from.toLowerCase());
  if (!outcome || outcome.status !== 'ok') return { ok: false, message: `No chart: the query ${from} did not run.` };
  // Parameters read as their labels ("West Midlands", not "west-midlands") where choices give one.
  const choices = choicesOf(notebook, outcomes);
  const labelled = Object.fromEntries(Object.entries(values).map(([name, value]) => [
    name,
    choices[name]?.find((choice) => choice.value === value)?.label ?? value,
  ]));
  return chartBlockSpec({
    id: `notebook-${notebook.id}-${block.name}`.replace(/[^A-Za-z0-9_-]/g, '-'),
    options: block.options,
    result: outcome.result,
    subtitle: chartSubtitle(input.filters, outcome.usedParameters, notebook.parameters, labelled),
    source: input.source,
    ...(outcome.usedParameters.includes('as_of') ? { asOf: input.filters.asOf } : {}),
  });
}

function choicesOf(notebook: Notebook, outcomes: ReadonlyMap<string, SqlOutcome>): NotebookRun['choices'] {
  const choices: NotebookRun['choices'] = {};
  for (const parameter of notebook.parameters) {
    const outcome = parameter.options ? outcomes.get(parameter.options.toLowerCase()) : undefined;
    if (!outcome || outcome.status !== 'ok') continue;
    const [valueColumn, labelColumn = valueColumn] = outcome.result.columns;
    if (!valueColumn || !labelColumn) continue;
    choices[parameter.name] = outcome.result.rows.map((row) => ({
      value: String(row[valueColumn.name] ?? ''),
      label: String(row[labelColumn.name] ?? ''),
    }));
  }
  return choices;
}
