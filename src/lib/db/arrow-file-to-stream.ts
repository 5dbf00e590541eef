/**
 * DuckDB-wasm answers a query with an Arrow IPC *file*: "ARROW1", padding, the IPC stream of the
 * result (schema, batches, end-of-stream), then a footer, its length and "ARROW1" again. Loading
 * takes a stream, so the stream inside is handed on as a view of the same bytes, not copied.
 */
const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const HEAD = 8; // the magic padded to 8 bytes
const TAIL = 10; // the footer's length (4 bytes) and the magic (6)

const magicAt = (bytes: Uint8Array, at: number) => MAGIC.every((byte, i) => bytes[at + i] === byte);

export function arrowFileToStream(file: Uint8Array): Uint8Array {
  if (file.length < HEAD + TAIL || !magicAt(file, 0) || !magicAt(file, file.length - MAGIC.length)) {
    throw new Error('not an Arrow IPC file');
  }
  const footer = new DataView(file.buffer, file.byteOffset, file.byteLength).getInt32(file.length - TAIL, true);
  const end = file.length - TAIL - footer;
  if (footer < 0 || end < HEAD) throw new Error('an Arrow IPC file with a footer that does not fit');
  return file.subarray(HEAD, end);
}
