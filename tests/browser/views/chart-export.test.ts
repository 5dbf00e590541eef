import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { JSDOM } from 'jsdom';
import { launchChromium, openApp } from '../support/chromium';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function download(page: Page, chart: string, button: string): Promise<Buffer> {
  const frame = page.locator(`[data-chart="${chart}"]`);
  const [file] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('chart export', () => {
  it('downloads the whole frame as SVG, the same at 2x as PNG, and its data as CSV', async () => {
    const { page, context } = await openApp(browser, baseUrl);
    try {
      const svgText = (await download(page, 'force-ranking', 'Download SVG')).toString('utf8');
      const svg = new JSDOM(svgText, { contentType: 'image/svg+xml' }).window.document.documentElement;
      expect(svg.tagName).toBe('svg');
      expect(svg.textContent).toContain('Forces ranked by compliance rate');
      expect(svg.textContent).toContain('Illustrative statuses');
      expect(svg.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(43);
      const width = Number(svg.getAttribute('width'));
      const height = Number(svg.getAttribute('height'));

      const png = pngSize(await download(page, 'force-ranking', 'Download PNG'));
      expect(png).toEqual({ width: width * 2, height: height * 2 });

      const csv = (await download(page, 'force-ranking', 'Download data (CSV)')).toString('utf8').trim().split('\r\n');
      expect(csv[0]).toBe('Rank,Force,Region,Compliance rate,Complete,In scope,Overdue,Last update,Days since');
      expect(csv).toHaveLength(44);
    } finally {
      await context.close();
    }
  });

  it('gives embed code whose iframe shows the chart alone, in the same state', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?asof=2024-12-31&region=Wales');
    try {
      const frame = page.locator('[data-chart="region-force-rates"]');
      await frame.getByRole('button', { name: 'Copy embed code' }).click();
      const snippet = await frame.getByTestId('embed-code').inputValue();
      expect(snippet).toMatch(/^<iframe src="[^"]+embed=region-force-rates" title="Each force’s compliance rate within its region"/);

      // A second page, as a report or intranet page would host it.
      const host = await context.newPage();
      await host.setContent(`<!doctype html><title>Report</title><h1>Board paper</h1>${snippet}`);
      const embedded = host.frameLocator('iframe');
      await embedded.locator('main.embed[data-ready="true"]').waitFor({ timeout: 30_000 });
      // Every force, Wales highlighted, as in the dashboard.
      await expect(embedded.locator('[data-chart="region-force-rates"] svg g[aria-label="dot"] circle').count()).resolves.toBe(43);
      const subtitle = await embedded.locator('[data-testid="subtitle"]').textContent();
      expect(subtitle).toContain('31 December 2024');
      expect(subtitle).toContain('Wales highlighted');
      expect(subtitle).toBe(await frame.getByTestId('subtitle').textContent());
      await expect(embedded.locator('header.masthead').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('names the charts that exist when the embed address is wrong', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(new URL('?embed=nope', baseUrl).href);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Charts that can be embedded: force-ranking');
    } finally {
      await context.close();
    }
  });
});
