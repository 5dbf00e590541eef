import { Marked, type Tokens } from 'marked';

/**
 * Notebook prose as HTML that cannot run anything. A notebook may come from anyone's disk, so:
 * raw HTML in the markdown shows as text, links keep only http(s), mailto and in-page targets,
 * images show their description instead of fetching. `safeFragment` then rebuilds the result from
 * an allowlist of elements and attributes, so even a marked bug cannot smuggle markup in.
 */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

export function isSafeHref(href: string): boolean {
  // Browsers ignore control characters and spaces when reading a scheme ("java\tscript:").
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
  // "//host/…" leaves the origin; other relative links stay on the page.
  return !/^[\\/]{2}/.test(compact);
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    heading({ tokens, depth }: Tokens.Heading) {
      // The page has its h1 and the view its h2: a notebook's "#" reads as h3.
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!isSafeHref(href)) return text;
      const titled = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${titled} rel="noopener noreferrer">${text}</a>`;
    },
    image: ({ text }: Tokens.Image) => `<span class="image-alt">[image: ${escapeHtml(text)}]</span>`,
    checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
  },
});

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

const ALLOWED: Record<string, readonly string[]> = {
  p: [], h3: [], h4: [], h5: [], h6: [], ul: [], ol: ['start'], li: [], strong: [], em: [], del: [],
  code: ['class'], pre: [], blockquote: [], a: ['href', 'title', 'rel'], table: [], thead: [], tbody: [],
  tr: [], th: ['align'], td: ['align'], hr: [], br: [], span: ['class'],
};
/** Elements whose content is dropped with them, never shown as text. */
const DROPPED = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math']);

/**
 * Copies `html` into a fragment of `target`, keeping allowed elements and attributes only.
 * `parse` must give an inert document (DOMParser), in which nothing loads or runs.
 */
export function safeFragment(html: string, target: Document, parse: (html: string) => Document): DocumentFragment {
  const fragment = target.createDocumentFragment();
  copyChildren(parse(html).body, fragment, target);
  return fragment;
}

function copyChildren(from: Node, to: Node, target: Document): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === 3) {
      to.appendChild(target.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (DROPPED.has(tag)) continue;
    const allowed = ALLOWED[tag];
    if (!allowed) {
      copyChildren(element, to, target);
      continue;
    }
    const copy = target.createElement(tag);
    for (const name of allowed) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'href' && !isSafeHref(value)) continue;
      copy.setAttribute(name, value);
    }
    copyChildren(element, copy, target);
    to.appendChild(copy);
  }
}
