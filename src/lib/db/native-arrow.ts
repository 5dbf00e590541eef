import {
  Binary, Bool, DateDay, Float32, Float64, Int16, Int32, Int64, Int8, List, Null, Struct, Table, TimestampMicrosecond,
  Uint16, Uint32, Uint64, Uint8, Utf8, Field, vectorFromArray, tableToIPC, type DataType, type Vector,
} from 'apache-arrow';
import { DuckDBTypeId, type DuckDBResultReader, type DuckDBType, type DuckDBListType, type DuckDBStructType } from '@duckdb/node-api';

/**
 * The Arrow type DuckDB-wasm gives a column of this DuckDB type, so results read the same from
 * both engines (`rowsOf`, `resultRows`). Only the types Oversight's SQL returns are mapped; any
 * other fails loudly rather than read differently from the browser.
 */
function arrowType(type: DuckDBType): DataType {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN: return new Bool();
    case DuckDBTypeId.TINYINT: return new Int8();
    case DuckDBTypeId.SMALLINT: return new Int16();
    case DuckDBTypeId.INTEGER: return new Int32();
    case DuckDBTypeId.BIGINT: return new Int64();
    case DuckDBTypeId.UTINYINT: return new Uint8();
    case DuckDBTypeId.USMALLINT: return new Uint16();
    case DuckDBTypeId.UINTEGER: return new Uint32();
    case DuckDBTypeId.UBIGINT: return new Uint64();
    case DuckDBTypeId.FLOAT: return new Float32();
    case DuckDBTypeId.DOUBLE: return new Float64();
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
    case DuckDBTypeId.UUID: return new Utf8();
    case DuckDBTypeId.BLOB: return new Binary();
    case DuckDBTypeId.DATE: return new DateDay();
    case DuckDBTypeId.TIMESTAMP: return new TimestampMicrosecond();
    case DuckDBTypeId.SQLNULL: return new Null();
    case DuckDBTypeId.LIST:
      return new List(new Field('l', arrowType((type as DuckDBListType).valueType), true));
    case DuckDBTypeId.STRUCT:
      return new Struct((type as DuckDBStructType).entryNames.map((name, k) =>
        new Field(name, arrowType((type as DuckDBStructType).entryTypes[k]!), true)));
    default:
      throw new Error(`The native engine returned a ${type.toString()} column, which Oversight does not read; cast it in the SQL`);
  }
}

/** One column's JS values as Arrow builders take them (dates and timestamps as epoch milliseconds). */
function columnVector(values: unknown[], type: DataType): Vector {
  const plain = values.map((value) => (value instanceof Date ? value.getTime() : value));
  return vectorFromArray(plain, type) as Vector;
}

/** A native result as an Arrow table of the same shape DuckDB-wasm returns. */
export function readerToTable(reader: DuckDBResultReader): Table {
  const names = reader.columnNames();
  const types = reader.columnTypes().map(arrowType);
  const columns = reader.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, j) => {
    vectors[name] = columnVector(columns[j] ?? [], types[j]!);
  });
  return new Table(vectors);
}

/** An Arrow IPC stream of a table the native connector returned (same copy of apache-arrow). */
export const nativeTableToIpc = (table: Table): Uint8Array => tableToIPC(table, 'stream');
