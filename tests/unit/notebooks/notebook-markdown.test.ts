import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isSafeHref, renderMarkdown, safeFragment } from '../../../src/lib/notebooks/safe-markdown';

/** Notebook prose comes from anyone's disk: it must never become markup that runs or loads. */
const { window } = new JSDOM('<!doctype html><body></body>');
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');

function shown(markdown: string): HTMLElement {
  const container = window.document.createElement('div');
  container.append(safeFragment(renderMarkdown(markdown), window.document, parse));
  return container;
}

describe('notebook prose', () => {
  it('renders ordinary markdown, headings one level under the view', () => {
    const html = shown('# Title\n\nSome *emphasis*, `code` and a [link](https://www.gov.uk/ "GOV.UK").\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html.querySelector('h3')?.textContent).toBe('Title');
    expect(html.querySelector('em')?.textContent).toBe('emphasis');
    expect(html.querySelector('a')?.getAttribute('href')).toBe('https://www.gov.uk/');
    expect(html.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(html.querySelectorAll('td')).toHaveLength(2);
  });

  it('shows raw HTML as the characters written, block and inline', () => {
    const html = shown('<script>alert(1)</script>\n\nA cell <img src=x onerror=alert(1)> here.\n\n<div onclick="x()">hi</div>');
    expect(html.querySelector('script, img, div, [onerror], [onclick]')).toBeNull();
    expect(html.textContent).toContain('<script>alert(1)</script>');
    expect(html.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps only http(s), mailto and relative links; images show their description and load nothing', () => {
    const html = shown('[a](javascript:alert(1)) [b](JAVA\tSCRIPT:alert(1)) [c](data:text/html,x) [d](mailto:x@y.z) [e](#part) [f](//evil.example/x)\n\n![a chart](https://evil.example/p.png)');
    expect([...html.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['mailto:x@y.z', '#part']);
    expect(html.textContent).toContain('[image: a chart]');
    expect(html.querySelector('img')).toBeNull();
  });

  it('rebuilds from an allowlist even when given hostile HTML directly', () => {
    const container = window.document.createElement('div');
    container.append(safeFragment('<p onclick="x()">ok <a href="javascript:x()" onmouseover="y()">link</a><svg><script>1</script></svg><iframe src="x"></iframe><b>bold</b></p>', window.document, parse));
    expect(container.innerHTML).toBe('<p>ok <a>link</a>bold</p>');
  });

  it.each([
    ['https://www.justiceinspectorates.gov.uk/hmicfrs/', true],
    ['mailto:someone@example.org', true],
    ['#definitions', true],
    ['./README.md', true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['vbscript:x', false],
    ['//evil.example', false],
    ['/\\evil.example', false],
  ])('href %s is safe: %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});
