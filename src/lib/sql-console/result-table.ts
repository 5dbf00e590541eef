import { DataType, type Field, type Table } from 'apache-arrow';

/** How a result column displays and charts. */
export type ColumnKind = 'number' | 'date' | 'timestamp' | 'text' | 'boolean' | 'other';

export interface ResultColumn {
  /** Unique within the result: a repeated name gets " (2)", " (3)"… so rows and lists can key on it. */
  name: string;
  kind: ColumnKind;
  /** The Arrow type as text, e.g. "Int32", "Date32<DAY>". */
  type: string;
}

export type ResultCell = string | number | boolean | null;
export type ResultRow = Record<string, ResultCell>;

/** A query result as plain values: numbers, ISO dates and text, never BigInt or Arrow objects. */
export interface ResultTable {
  columns: ResultColumn[];
  /** Rows of the whole result. */
  rowCount: number;
  /** The first `limit` rows (all of them when no limit was asked for). */
  rows: ResultRow[];
}

/** Converts an Arrow result; `limit` caps the rows converted (a console result may be millions). */
export function resultTable(table: Table, limit = Number.POSITIVE_INFINITY): ResultTable {
  const names = uniqueNames(table.schema.fields.map((field) => field.name));
  const columns = table.schema.fields.map((field, index) => describeColumn(field, names[index]!));
  const readers = table.schema.fields.map((field, index) => ({
    name: names[index]!,
    vector: table.getChildAt(index),
    convert: converterFor(field),
  }));
  const count = Math.min(table.numRows, limit);
  const rows: ResultRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const row: ResultRow = {};
    for (const reader of readers) row[reader.name] = reader.convert(reader.vector?.get(i));
    rows.push(row);
  }
  return { columns, rowCount: table.numRows, rows };
}

function describeColumn(field: Field, name: string): ResultColumn {
  return { name, kind: kindOf(field.type), type: String(field.type) };
}

/** `SELECT 1 AS x, 2 AS x` is valid SQL; its second column shows as "x (2)". */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let k = 2; taken.has(unique); k += 1) unique = `${name} (${k})`;
    taken.add(unique);
    return unique;
  });
}

function kindOf(type: DataType): ColumnKind {
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isDictionary(type)) return 'text';
  if (DataType.isBool(type)) return 'boolean';
  return 'other';
}

function converterFor(field: Field): (value: unknown) => ResultCell {
  const type = field.type;
  const kind = kindOf(type);
  return (value) => {
    if (value === null || value === undefined) return null;
    if (kind === 'number') return toNumber(value, DataType.isDecimal(type) ? type.scale : 0);
    if (kind === 'date') return new Date(Number(value)).toISOString().slice(0, 10);
    if (kind === 'timestamp') return new Date(Number(value)).toISOString();
    if (kind === 'text') return String(value);
    if (kind === 'boolean') return Boolean(value);
    return describeValue(value);
  };
}

/** BigInt counts become numbers (exact up to 2^53, which counts never reach); decimals are scaled. */
function toNumber(value: unknown, scale: number): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // Arrow decimals arrive as a 128-bit integer object whose text is the unscaled value.
  const unscaled = Number(String(value));
  return scale > 0 ? unscaled / 10 ** scale : unscaled;
}

/** Lists, structs and intervals as readable text (JSON, with BigInt written as a number). */
function describeValue(value: unknown): string {
  const plain = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (typeof plain === 'string') return plain;
  return JSON.stringify(plain, (_key, inner: unknown) => {
    if (typeof inner === 'bigint') return Number(inner);
    if (inner && typeof inner === 'object' && 'toJSON' in inner && typeof inner.toJSON === 'function') return inner.toJSON();
    return inner;
  });
}
