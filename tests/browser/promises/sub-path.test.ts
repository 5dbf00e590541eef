import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp } from '../support/chromium';

/** The same dist/ served under a sub-path, as an intranet folder or a project page would. */
let server: PreviewServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  server = await preview({
    base: '/intranet/oversight/',
    preview: { host: '127.0.0.1', port: 0, open: false },
    logLevel: 'warn',
  });
  baseUrl = server.resolvedUrls!.local[0]!;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('static deploy under a sub-path', () => {
  it('starts the engine and draws the national view from /intranet/oversight/', async () => {
    expect(new URL(baseUrl).pathname).toBe('/intranet/oversight/');
    const { page, context, requests, errors } = await openApp(browser, baseUrl);
    try {
      await expect(page.locator('[data-chart="force-ranking"] svg g[aria-label="bar"] rect').count()).resolves.toBe(43);
      expect(requests.every((url) => new URL(url).pathname.startsWith('/intranet/oversight/') || url.startsWith('blob:') || url.startsWith('data:'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
