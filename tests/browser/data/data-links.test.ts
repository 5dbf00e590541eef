import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp } from '../support/chromium';

/**
 * Issue 15: `javascript:` and `data:` addresses in a user's inspections or responses file were
 * rendered as live links. Now only http(s) addresses become links.
 */
let browser: Browser;
const baseUrl = inject('baseUrl');
const POLL = { timeout: 60_000 };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const INSPECTIONS = [
  'inspection_id,title,published,kind,source_url',
  'local-review-2024,A local review of custody,2024-03-01,local,javascript:alert(document.domain)',
  'local-review-2023,A local review of training,2023-03-01,local,https://www.example.org/review.pdf',
].join('\n');
const RESPONSES = [
  'Force,Inspection,Published,URL',
  'Kent,firearms-2023,01/09/2023,"data:text/html,<script>alert(1)</script>"',
  'Essex,firearms-2023,02/09/2023,https://www.example.org/essex-response.html',
].join('\n');

describe('links from a data file', () => {
  it('become links only for http(s) addresses', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.waitForSelector('section.data-view[data-ready="true"]', POLL);
      await page.getByTestId('file-input').setInputFiles([
        { name: 'inspections.csv', mimeType: 'text/csv', buffer: Buffer.from(INSPECTIONS) },
        { name: 'responses.csv', mimeType: 'text/csv', buffer: Buffer.from(RESPONSES) },
      ]);
      await expect.poll(() => page.getByTestId('data-status').textContent(), POLL).toMatch(/Loaded .*2 inspections.*\. Saved in this browser\./);

      const reportLink = async (inspection: string) => {
        await page.goto(`${baseUrl}?view=inspection&inspection=${inspection}`);
        await page.waitForSelector(`section.inspection-view[data-ready="true"][data-inspection="${inspection}"]`, POLL);
        return page.locator('.inspection-meta a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      };
      expect(await reportLink('local-review-2024')).toEqual([]);
      expect(await reportLink('local-review-2023')).toEqual(['https://www.example.org/review.pdf']);

      const responseLinks = async (force: string) => {
        await page.goto(`${baseUrl}?view=force&force=${force}`);
        await page.waitForSelector('section.force-view[data-ready="true"]', POLL);
        return page.locator('[data-testid="responses"] a[rel~="external"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      };
      expect((await responseLinks('kent')).filter((href) => !href?.startsWith('https://'))).toEqual([]);
      expect(await responseLinks('essex')).toContain('https://www.example.org/essex-response.html');
    } finally {
      await context.close();
    }
  }, 300_000);
});
