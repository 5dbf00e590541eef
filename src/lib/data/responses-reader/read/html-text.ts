import { paragraphText } from './paragraph-text';

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'DT', 'DD', 'TABLE', 'UL', 'OL', 'FIGCAPTION', 'ADDRESS', 'PRE']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'SVG', 'IFRAME', 'OBJECT', 'HEAD']);

/**
 * A web page (or Word's HTML) as paragraphs: one block per line, list items numbered as shown,
 * table cells separated by tabs. The page is parsed inert (DOMParser runs no script and loads
 * nothing) and only its text is kept.
 */
export function htmlText(html: string, parser: DOMParser = new DOMParser()): string {
  const doc = parser.parseFromString(html, 'text/html');
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.replace(/\s+/g, '') !== '') lines.push(line.replace(/[ \n\r]+/g, ' ').trim());
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) { line += node.textContent ?? ''; return; }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') { flush(); return; }
    if (tag === 'TD' || tag === 'TH') {
      if (line !== '') line += '\t';
      // A cell's own paragraphs stay in the cell: its text with spaces.
      line += (element.textContent ?? '').replace(/\s+/g, ' ').trim() || ' ';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    if (tag === 'LI') {
      const list = element.parentElement;
      if (list?.tagName.toUpperCase() === 'OL') {
        const start = Number(list.getAttribute('start') ?? '1');
        line += `${start + [...list.children].filter((c) => c.tagName.toUpperCase() === 'LI').indexOf(element)}. `;
      } else line += '- ';
    }
    for (const child of element.childNodes) walk(child);
    if (block) flush();
  };
  walk(doc.body ?? doc.documentElement);
  flush();
  return paragraphText(lines.join('\n\n'));
}
