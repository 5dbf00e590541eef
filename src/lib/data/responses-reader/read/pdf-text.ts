import { LIST_MARK, paragraphText } from './paragraph-text';

/** The part of pdf.js the reader uses: the browser loads it with a self-hosted worker, Node without. */
export type PdfJs = typeof import('pdfjs-dist');

interface Line { text: string; y: number; height: number; page: number; left: number; right: number }

/**
 * A PDF's text layer as paragraphs. Lines are rebuilt from the text items; a gap between lines
 * wider than the usual line spacing starts a new paragraph. A PDF without text (a scan) is an
 * error that says so: Oversight does not read images.
 */
export async function pdfText(bytes: Uint8Array, pdfjs: PdfJs): Promise<string> {
  const document = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
  const lines: Line[] = [];
  try {
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let current: Line | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        if (current && Math.abs(current.y - y) > Math.max(2, current.height / 2)) {
          lines.push(current);
          current = null;
        }
        const x = item.transform[4] as number;
        if (!current) current = { text: '', y, height: item.height || 10, page: number, left: x, right: x };
        current.text += item.str;
        if (item.str.trim() !== '') current.right = Math.max(current.right, x + item.width);
        if (item.hasEOL) { lines.push(current); current = null; }
      }
      if (current) lines.push(current);
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  const kept = lines.filter((line) => line.text.trim() !== '');
  if (kept.length === 0) throw new Error('This PDF has no text to read: it may be a scan. Oversight reads PDFs that have a text layer (you can select their words); save a scan as text first.');

  // The usual gap between lines: the median of the gaps on a page.
  const gaps = kept.slice(1).flatMap((line, i) => (line.page === kept[i]!.page ? [kept[i]!.y - line.y] : [])).filter((gap) => gap > 0).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 14;
  const margin = Math.max(...kept.map((line) => line.right));
  const width = margin - Math.min(...kept.map((line) => line.left));
  let text = '';
  kept.forEach((line, i) => {
    const previous = kept[i - 1];
    const gap = previous && previous.page === line.page ? previous.y - line.y : usual;
    // Within a page, a usual gap is a wrapped line; across pages the paragraph reader decides.
    const samePage = previous !== undefined && previous.page === line.page;
    // A line that ends a sentence well short of the margin ends its paragraph (list items have no gap).
    const endsShort = previous !== undefined && /[.:;!?]["”’)]?$/.test(previous.text.trim()) && previous.right < margin - 0.15 * width;
    text += i === 0 ? '' : gap > usual * 1.4 ? '\n\n' : samePage && !endsShort && !LIST_MARK.test(line.text) ? ' ' : '\n';
    text += line.text.replace(/\s+/g, ' ').trim();
  });
  return paragraphText(text);
}
