import { decodeWindows1252 } from './windows-1252';

/**
 * CSV text arrives as UTF-8 (with or without a byte-order mark), as Windows-1252 (Excel's "CSV"
 * on Windows) or as UTF-16 (Excel's "Unicode text"). DuckDB reads UTF-8 only, so everything else
 * is transcoded once; UTF-8 bytes pass through untouched.
 */
export type TextEncodingName = 'utf-8' | 'utf-8 with BOM' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface Utf8Text {
  encoding: TextEncodingName;
  /** UTF-8 without a byte-order mark. */
  bytes: Uint8Array;
}

/**
 * True when `bytes` are well-formed UTF-8. A loop over bytes rather than a fatal TextDecoder:
 * it never builds a string the size of the file.
 */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  // ASCII, by far the usual text, is checked four bytes at a time through an aligned word view.
  const aligned = Math.min(n, (4 - (bytes.byteOffset % 4)) % 4);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + aligned, Math.floor((n - aligned) / 4));
  let i = 0;
  while (i < n) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i += 1;
      if (i >= aligned && (i - aligned) % 4 === 0) {
        let w = (i - aligned) / 4;
        while (w < words.length && (words[w]! & 0x80808080) === 0) w += 1;
        i = aligned + w * 4;
      }
      continue;
    }
    let extra: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) { extra = 1; min = 0x80; }
    else if (byte >= 0xe0 && byte <= 0xef) { extra = 2; min = 0x800; }
    else if (byte >= 0xf0 && byte <= 0xf4) { extra = 3; min = 0x10000; }
    else return false;
    if (i + extra >= n) return false;
    let code = byte & (0xff >> (extra + 2));
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += extra + 1;
  }
  return true;
}

export function toUtf8(bytes: Uint8Array): Utf8Text {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8 with BOM', bytes: bytes.subarray(3) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return transcode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return transcode(bytes.subarray(2), 'utf-16be');
  if (isUtf8(bytes)) return { encoding: 'utf-8', bytes };
  return transcode(bytes, 'windows-1252');
}

function transcode(bytes: Uint8Array, encoding: 'windows-1252' | 'utf-16le' | 'utf-16be'): Utf8Text {
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  return { encoding, bytes: new TextEncoder().encode(text) };
}
