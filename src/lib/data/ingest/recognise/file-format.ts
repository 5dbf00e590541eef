/** What a file is, told by its first and last bytes (magic numbers), never by its name alone. */
export type FileFormat = 'csv' | 'parquet' | 'arrow-file' | 'arrow-stream' | 'spreadsheet' | 'binary' | 'empty';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  magic.every((byte, i) => bytes[at + i] === byte);

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const ARROW1 = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
const ARROW_CONTINUATION = [0xff, 0xff, 0xff, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];

export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) return 'empty';
  if (bytes.length >= 8 && startsWith(bytes, PAR1) && startsWith(bytes, PAR1, bytes.length - 4)) return 'parquet';
  if (startsWith(bytes, ARROW1)) return 'arrow-file';
  if (startsWith(bytes, ARROW_CONTINUATION)) return 'arrow-stream';
  // .xlsx is a zip archive, .xls an OLE2 compound file.
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE2)) return 'spreadsheet';
  if (startsWith(bytes, UTF16_LE_BOM) || startsWith(bytes, UTF16_BE_BOM)) return 'csv';
  return firstBinaryByte(bytes) === -1 ? 'csv' : 'binary';
}

/**
 * The position of the first byte no text file contains (NUL and the C0 controls other than tab,
 * line feed, form feed and carriage return), looking at the first 64 KB; -1 if none.
 */
export function firstBinaryByte(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, 65_536);
  for (let i = 0; i < end; i += 1) {
    const byte = bytes[i]!;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a) return i;
  }
  return -1;
}
