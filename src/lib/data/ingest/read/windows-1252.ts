/**
 * Windows-1252 to text. Not left to TextDecoder: Node's decoder for this label is ISO-8859-1,
 * which turns Excel's curly quotes, dashes and € (bytes 0x80–0x9F) into invisible controls.
 * Bytes 0x80–0x9F per the WHATWG Encoding Standard; every other byte is its own code point.
 */
const HIGH_CONTROLS = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) => (byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROLS[byte - 0x80]! : byte));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}
