import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built page's first view comes in a handful of files (scripts/first-view-chunk.ts): a
 * browser fetches six at a time from one host over HTTP/1.1, and the bundler's own split made
 * seventeen. Read from dist/, which `npm test` builds before this project runs.
 */
const DIST = 'dist';

/** The scripts a page loads before it runs: index.html's own, and every static import under them. */
function staticScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const found = new Set<string>();
  const visit = (path: string) => {
    if (found.has(path)) return;
    found.add(path);
    const code = readFileSync(join(DIST, path), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is fetched when used.
    for (const [, target] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(join('assets', target!));
  };
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="\.\/([^"]+)"/g)) visit(src!);
  return [...found];
}

describe('the files the first view waits for', () => {
  it('are the saved-data look, the bundler runtime and one chunk of the app', () => {
    const scripts = staticScripts();
    expect(scripts).toContain('saved-check.js');
    expect(scripts.length).toBeLessThanOrEqual(3);
  });

  it('leave the engine and the other views to be fetched when used', () => {
    const scripts = staticScripts();
    const code = scripts.map((path) => readFileSync(join(DIST, path), 'utf8')).join('\n');
    // Imported with import(), when the engine starts and when a view is opened.
    expect(code).toMatch(/import\(`\.\/browser-connector-[^`]+\.js`\)/);
    expect(code).toMatch(/import\(`\.\/DataView-[^`]+\.js`\)/);
    expect(scripts.some((path) => /browser-connector|DataView|NotebooksView|SqlConsoleView|file-reader/.test(path))).toBe(false);
  });
});
