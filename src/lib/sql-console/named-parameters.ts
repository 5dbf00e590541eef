import type { SqlParam } from '../db/connector';
import type { Filters } from '../metrics/common/filters';
import { tokenizeSql } from './sql-tokens';

/** How a named parameter reads in SQL; its value is always bound, never spliced. */
export type ParameterType = 'DATE' | 'VARCHAR' | 'BOOLEAN' | 'VARCHAR[]';

export interface NamedParameter {
  name: string;
  type: ParameterType;
  value: SqlParam;
  /** One line for the README and the parameter list in the app. */
  description: string;
}

/** The filter state as parameters every notebook and console query may use. */
export function filterParameters(filters: Filters): NamedParameter[] {
  return [
    { name: 'as_of', type: 'DATE', value: filters.asOf, description: 'the as-of date D (DATE)' },
    {
      name: 'region',
      type: 'VARCHAR',
      value: filters.region,
      description: 'the region chosen, or NULL for all of England and Wales (VARCHAR)',
    },
    {
      name: 'inspections',
      type: 'VARCHAR[]',
      value: filters.inspections.join(','),
      description: 'the inspection ids chosen; an empty list means all (VARCHAR[])',
    },
    {
      name: 'pending',
      type: 'BOOLEAN',
      value: filters.pendingCountsAsComplete,
      description: 'true when pending_closure counts as complete (BOOLEAN)',
    },
  ];
}

export type BoundSql =
  | { ok: true; sql: string; params: SqlParam[]; used: string[] }
  | { ok: false; reason: string };

/**
 * Rewrites `$name` placeholders as positional `$1…$n` (each wrapped in a cast to its type) and
 * lists the values in that order. Strings and comments are left alone, so `'$as_of'` stays text.
 */
export function bindNamedParameters(sql: string, available: readonly NamedParameter[]): BoundSql {
  const byName = new Map(available.map((parameter) => [parameter.name, parameter]));
  const { tokens } = tokenizeSql(sql);
  const order: NamedParameter[] = [];
  let out = '';
  for (const token of tokens) {
    if (token.kind !== 'parameter') {
      out += token.text;
      continue;
    }
    if (/^\d+$/.test(token.value)) {
      return { ok: false, reason: `Write parameters by name ($as_of, $region, …): positional ${token.text} is not available here.` };
    }
    const parameter = byName.get(token.value);
    if (!parameter) {
      const names = available.map((p) => `$${p.name}`).join(', ');
      return { ok: false, reason: `Unknown parameter ${token.text}. Available: ${names}.` };
    }
    let position = order.indexOf(parameter) + 1;
    if (position === 0) position = order.push(parameter);
    out += placeholder(parameter.type, position);
  }
  return { ok: true, sql: out, params: order.map((p) => p.value), used: order.map((p) => p.name) };
}

function placeholder(type: ParameterType, position: number): string {
  const slot = `$${position}`;
  if (type === 'VARCHAR[]') {
    // Bound as comma-separated text: an empty text is the empty list.
    return `coalesce(string_split(nullif(CAST(${slot} AS VARCHAR), ''), ','), []::VARCHAR[])`;
  }
  return `CAST(${slot} AS ${type})`;
}
