import { fillBlankLines, recordBoundaries } from './csv-records';
import { sniffDialect } from '../recognise/csv-dialect';
import { detectFormat, firstBinaryByte } from '../recognise/file-format';
import { arrowFileToStream } from './arrow-ipc';
import type { ParquetCodec } from './parquet-codec';
import type { PreparedFile } from './prepared-file';
import { fileProblem, type Problem } from '../report/problems';
import { MAX_FILE_BYTES } from '../report/problem-messages';
import { toUtf8 } from './text-encoding';

/** About 32 MB per piece: DuckDB reads large pieces much faster than many small ones. */
export const PIECE_BYTES = 32 * 1024 * 1024;

/** A file over the limit is refused before a byte of it is read. */
export function fileSizeProblem(name: string, size: number, limit = MAX_FILE_BYTES): Problem | null {
  return size > limit ? fileProblem(name, 'file_too_large', `${size}|${limit}`) : null;
}

/**
 * Turns a file's bytes into something the database reads (see PreparedFile). Pure: it runs in the
 * file-reader worker in the browser and directly in Node tests.
 */
export async function prepareFile(
  name: string,
  bytes: Uint8Array,
  parquet: () => Promise<ParquetCodec>,
  pieceBytes = PIECE_BYTES,
  limit = MAX_FILE_BYTES,
): Promise<PreparedFile> {
  const size = bytes.length;
  const refuse = (problem: Problem): PreparedFile => ({ kind: 'refused', name, size, problem });
  const tooLarge = fileSizeProblem(name, size, limit);
  if (tooLarge) return refuse(tooLarge);

  const format = detectFormat(bytes);
  switch (format) {
    case 'empty':
      return refuse(fileProblem(name, 'file_empty'));
    case 'spreadsheet':
      return refuse(fileProblem(name, 'file_spreadsheet'));
    case 'binary':
      return refuse(fileProblem(name, 'file_not_text', String(firstBinaryByte(bytes))));
    case 'parquet':
    case 'arrow-file':
    case 'arrow-stream':
      try {
        const ipcStream = format === 'parquet'
          ? (await parquet()).toArrowStream(bytes)
          : format === 'arrow-file' ? arrowFileToStream(bytes) : bytes;
        // Parquet compresses well: a small file can decode to more than the browser should hold.
        if (ipcStream.length > limit) return refuse(fileProblem(name, 'file_too_large', `${ipcStream.length}|${limit}|decoded`));
        return { kind: 'arrow', name, size, format: format === 'parquet' ? 'parquet' : 'arrow', ipcStream };
      } catch (cause) {
        return refuse(fileProblem(name, 'file_unreadable', cause instanceof Error ? cause.message : String(cause)));
      }
    case 'csv':
      return prepareCsv(name, bytes, pieceBytes);
  }
}

function prepareCsv(name: string, bytes: Uint8Array, pieceBytes: number): PreparedFile {
  const size = bytes.length;
  const text = toUtf8(bytes);
  let utf8 = text.bytes;
  if (isBlank(utf8)) {
    return { kind: 'refused', name, size, problem: fileProblem(name, 'file_empty') };
  }
  const dialect = sniffDialect(utf8);
  // Old Mac files end lines with CR alone; DuckDB and the record layout want line feeds.
  if (dialect.linebreak === '\r') utf8 = utf8.map((byte) => (byte === 0x0d ? 0x0a : byte));

  const boundaries = recordBoundaries(utf8, pieceBytes);
  const headerEnd = boundaries.next().value as number;
  let endsInsideQuote: boolean | null = null;
  const delimiter = dialect.delimiter.charCodeAt(0);
  async function* pieces(): AsyncGenerator<Uint8Array> {
    let start = headerEnd;
    for (let step = boundaries.next(); ; step = boundaries.next()) {
      if (step.done) {
        endsInsideQuote = step.value;
        return;
      }
      const piece = utf8.subarray(start, step.value);
      const filled = fillBlankLines(piece, delimiter, dialect.header.length);
      // A copy per piece: each is transferred on its own, and the file's buffer can be let go.
      yield filled === piece ? piece.slice() : filled;
      start = step.value;
    }
  }
  return {
    kind: 'csv', name, size, encoding: text.encoding, dialect, bytesTotal: utf8.length - headerEnd, pieces: pieces(),
    endsInsideQuote: () => {
      if (endsInsideQuote === null) throw new Error('endsInsideQuote is known only after the last piece');
      return endsInsideQuote;
    },
  };
}

/** Only spaces and line breaks; stops at the first other byte, so it is instant on real files. */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}
