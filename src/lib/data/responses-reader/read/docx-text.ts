import { htmlText } from './html-text';

/**
 * A Word file's text, through mammoth (loaded only when a Word file is read): converted to HTML
 * first, so numbered lists keep their numbers and tables their cells.
 */
export async function docxText(bytes: Uint8Array, parser?: DOMParser): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Images are dropped: only words are read.
  // The browser build reads `arrayBuffer`, the Node build (tests) `buffer`; both take the same bytes.
  const input = { arrayBuffer, buffer: arrayBuffer } as { arrayBuffer: ArrayBuffer };
  const result = await mammoth.convertToHtml(input, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  return htmlText(result.value, parser);
}
