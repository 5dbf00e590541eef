import {
  DateDay,
  Dictionary,
  Field,
  Int16,
  Int32,
  Int8,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Utf8,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { isoToDay } from './calendar-days';
import { CANONICAL_STATUSES } from '../../src/lib/data/schema';
import type { StatusRow } from './demo-status-rows';
import { ALL_EVIDENCE_PHRASES } from './illustrative-evidence';

/*
 * The repeated strings are dictionary-encoded: DuckDB-wasm's insertArrowFromIPCStream reads them
 * as VARCHAR (checked by hand, including delta dictionaries), and the file is a fraction of the size.
 * The narrowest index type that fits each dictionary keeps rows small; inspections grow with
 * synthetic data, so they get 32-bit indices.
 */
const forceType = new Dictionary(new Utf8(), new Int16(), 0);
const inspectionType = new Dictionary(new Utf8(), new Int32(), 1);
const statusType = new Dictionary(new Utf8(), new Int8(), 2);
const evidenceType = new Dictionary(new Utf8(), new Int8(), 3);
const sourceType = new Dictionary(new Utf8(), new Int8(), 4);

export const STATUS_SCHEMA = new Schema([
  new Field('force_id', forceType, false),
  new Field('inspection_id', inspectionType, false),
  new Field('rec_no', new Int32(), false),
  new Field('status', statusType, false),
  new Field('as_of', new DateDay(), false),
  new Field('evidence', evidenceType, true),
  new Field('source', sourceType, false),
]);

function utf8Vector(values: readonly string[]): Vector<Utf8> {
  return vectorFromArray([...values], new Utf8());
}

function indexOf(values: readonly string[]): Map<string, number> {
  return new Map(values.map((value, index) => [value, index]));
}

function lookUp(index: ReadonlyMap<string, number>, value: string, what: string): number {
  const found = index.get(value);
  if (found === undefined) throw new Error(`Arrow output: unknown ${what} "${value}"`);
  return found;
}

/**
 * Writes status rows as an Arrow IPC stream, one RecordBatch per call to `write`, handing the bytes
 * to `sink` as they are produced so the whole table never has to be in memory.
 */
export class StatusArrowStream {
  readonly #writer = new RecordBatchStreamWriter();
  readonly #drained: Promise<void>;
  readonly #forceIndex: Map<string, number>;
  readonly #forceDictionary: Vector<Utf8>;
  readonly #statusIndex = indexOf(CANONICAL_STATUSES);
  readonly #statusDictionary = utf8Vector(CANONICAL_STATUSES);
  readonly #evidenceIndex = indexOf(ALL_EVIDENCE_PHRASES);
  readonly #evidenceDictionary = utf8Vector(ALL_EVIDENCE_PHRASES);
  readonly #sourceDictionary = utf8Vector(['illustrative']);
  /** Grows as new inspections appear; the writer sends only the new entries (delta dictionary batches). */
  #inspectionDictionary: Vector<Utf8> | null = null;
  readonly #inspectionIndex = new Map<string, number>();
  readonly #days = new Map<string, number>();
  #batches = 0;

  constructor(forceIds: readonly string[], sink: (chunk: Uint8Array) => void) {
    this.#forceIndex = indexOf(forceIds);
    this.#forceDictionary = utf8Vector(forceIds);
    // Write the schema now, so even zero rows make a readable stream.
    this.#writer.reset(undefined, STATUS_SCHEMA);
    this.#drained = (async () => {
      for await (const chunk of this.#writer) sink(chunk);
    })();
  }

  async write(rows: readonly StatusRow[]): Promise<void> {
    if (rows.length === 0) return;
    this.#batches++;
    this.#writer.write(this.#toBatch(rows));
    // Let the reading loop pass the bytes to the sink before the next batch is built.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async close(): Promise<void> {
    // DuckDB-wasm rejects a stream with no record batch ("must have at least one column"): send an empty one.
    if (this.#batches === 0) this.#writer.write(this.#toBatch([]));
    this.#writer.finish();
    await this.#drained;
  }

  #toBatch(rows: readonly StatusRow[]): RecordBatch {
    const length = rows.length;
    const force = new Int16Array(length);
    const inspection = new Int32Array(length);
    const recNo = new Int32Array(length);
    const status = new Int8Array(length);
    const asOf = new Int32Array(length);
    const evidence = new Int8Array(length);
    const evidenceValid = new Uint8Array((length + 7) >> 3);
    let evidenceNulls = 0;
    const newInspections: string[] = [];

    for (let i = 0; i < length; i++) {
      const row = rows[i]!;
      force[i] = lookUp(this.#forceIndex, row.force_id, 'force_id');
      let inspectionAt = this.#inspectionIndex.get(row.inspection_id);
      if (inspectionAt === undefined) {
        inspectionAt = this.#inspectionIndex.size;
        this.#inspectionIndex.set(row.inspection_id, inspectionAt);
        newInspections.push(row.inspection_id);
      }
      inspection[i] = inspectionAt;
      recNo[i] = row.rec_no;
      status[i] = lookUp(this.#statusIndex, row.status, 'status');
      asOf[i] = this.#day(row.as_of);
      if (row.evidence === null) {
        evidenceNulls++;
      } else {
        evidence[i] = lookUp(this.#evidenceIndex, row.evidence, 'evidence phrase');
        evidenceValid[i >> 3]! |= 1 << (i & 7);
      }
      if (row.source !== 'illustrative') throw new Error(`Arrow output: unexpected source "${row.source}"`);
    }
    if (newInspections.length > 0) {
      const added = utf8Vector(newInspections);
      this.#inspectionDictionary = this.#inspectionDictionary?.concat(added) ?? added;
    }

    const children = [
      makeData({ type: forceType, length, data: force, dictionary: this.#forceDictionary }),
      makeData({
        type: inspectionType,
        length,
        data: inspection,
        dictionary: this.#inspectionDictionary ?? utf8Vector([]),
      }),
      makeData({ type: new Int32(), length, data: recNo }),
      makeData({ type: statusType, length, data: status, dictionary: this.#statusDictionary }),
      makeData({ type: new DateDay(), length, data: asOf }),
      makeData({
        type: evidenceType,
        length,
        data: evidence,
        nullCount: evidenceNulls,
        nullBitmap: evidenceNulls > 0 ? evidenceValid : null,
        dictionary: this.#evidenceDictionary,
      }),
      makeData({ type: sourceType, length, data: new Int8Array(length), dictionary: this.#sourceDictionary }),
    ];
    const struct = makeData({ type: new Struct(STATUS_SCHEMA.fields), length, nullCount: 0, children });
    return new RecordBatch(STATUS_SCHEMA, struct);
  }

  #day(iso: string): number {
    let day = this.#days.get(iso);
    if (day === undefined) {
      day = isoToDay(iso);
      this.#days.set(iso, day);
    }
    return day;
  }
}

/** The whole Arrow IPC stream for some rows, in memory: for tests and small outputs. */
export async function statusRowsToArrowStream(
  rows: readonly StatusRow[],
  forceIds: readonly string[],
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const stream = new StatusArrowStream(forceIds, (chunk) => chunks.push(chunk));
  await stream.write(rows);
  await stream.close();
  return Buffer.concat(chunks);
}
