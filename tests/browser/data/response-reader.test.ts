import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, waitForEngine } from '../support/chromium';
import { axeViolations } from '../support/axe-check';
import { readFileSync } from 'node:fs';

/**
 * A PCC response as a PDF, dropped on the Data view: the review shows what was read, a person
 * leaves one proposal out, loads the rest, and the force view shows the statuses with the quotes
 * as their evidence and the response as a section-55 response within the 56 days.
 */
let browser: Browser;
const baseUrl = inject('baseUrl');
const POLL = { timeout: 60_000 };
const pdf = fileURLToPath(new URL('../../fixtures/responses/kent-firearms-numbered.pdf', import.meta.url));

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

it('drops a PDF response, reviews it, accepts, and sees the statuses in the force view', async () => {
  const { page, context, errors, requests } = await openApp(browser, baseUrl, '?view=data');
  try {
    await page.waitForSelector('section.data-view[data-ready="true"]');
    await page.getByTestId('file-input').setInputFiles(pdf);

    const review = page.getByTestId('response-review');
    await review.waitFor(POLL);
    await expect.poll(() => page.locator('#response-force').inputValue()).toBe('kent');
    expect(await page.locator('#response-inspection').inputValue()).toBe('firearms-2023');
    // The response is dated 29 August 2023: its statuses are dated so too.
    expect(await page.getByTestId('response-status-date').getAttribute('data-value')).toBe('2023-08-29');
    expect(await page.getByTestId('left-out').textContent()).toContain('recommendation 1 (The Home Office)');
    const choice = (rec: number) => page.getByTestId(`choice-${rec}`).inputValue();
    expect([await choice(2), await choice(3), await choice(5), await choice(6), await choice(7), await choice(8), await choice(10), await choice(12)])
      .toEqual(['not_started', 'complete', 'in_progress', 'in_progress', 'pending_closure', 'complete', '', '']);
    // Each quote is highlighted in the document, and the table's button takes the reader to it.
    await review.locator('tr[data-rec="3"]').getByRole('button', { name: 'Show in the document' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('quote-3');
    expect(await page.locator('#quote-3').textContent()).toContain('control room staff training has been completed');

    // The person leaves recommendation 2 out and loads the other five.
    await page.getByTestId('choice-2').selectOption('');
    await page.getByTestId('load-response').click();
    await expect.poll(() => page.getByTestId('data-status').textContent(), POLL)
      .toMatch(/Loaded 5 statuses and 1 response from kent-firearms-numbered\.pdf \(statuses\)\.csv and kent-firearms-numbered\.pdf \(response\)\.csv in [\d.]+ s\. Saved in this browser\./);
    expect(await review.count()).toBe(0);

    // To the force view as a link would go, on the date just after the response.
    await page.evaluate(() => {
      history.pushState(null, '', '?view=force&force=kent&asof=2023-09-30');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    const rows = page.getByTestId('recommendations-firearms-2023');
    await expect.poll(() => rows.locator('tr[data-rec="3"]').textContent(), POLL).toContain('Complete');
    expect(await rows.locator('tr[data-rec="3"] td.evidence').textContent()).toContain('control room staff training has been completed');
    expect(await rows.locator('tr[data-rec="7"]').textContent()).toContain('Pending closure');
    expect(await rows.locator('tr[data-rec="5"] td.evidence').textContent()).toContain('is underway with the College of Policing');
    // Left out by the person: no update from the response.
    expect(await rows.locator('tr[data-rec="2"]').textContent()).toContain('No update yet');
    const response = page.locator('[data-testid="responses"] tr[data-force="kent"][data-inspection="firearms-2023"]');
    await expect.poll(() => response.getAttribute('data-state'), POLL).toBe('on_time');

    // pdf.js and its worker came from this site; nothing else was asked of any other host.
    const origin = new URL(baseUrl).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(requests.some((url) => /pdf\.worker/.test(url))).toBe(true);
    expect(errors).toEqual([]);
  } catch (failure) {
    console.log('At the failure: errors, status line, alerts:', errors, await page.getByTestId('data-status').textContent().catch(() => ''), await page.locator('[role=alert]').allTextContents().catch(() => []));
    throw failure;
  } finally {
    await context.close();
  }
}, 180_000);

it('pasted text, a Word file and a web page open the review too, accessible and phone-wide; "Do not load" loads nothing', async () => {
  // axe is injected as a script tag, which the app's CSP would rightly refuse.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(new URL('?view=data', baseUrl).href);
    await page.waitForSelector('section.data-view[data-ready="true"]', { timeout: 60_000 });
    await waitForEngine(page);
    const text = readFileSync(new URL('../../fixtures/responses/west-midlands-pcc-response-firearms-2023.txt', import.meta.url), 'utf8');
    await page.getByText("Paste CSV text instead, or a PCC response's text").click();
    await page.getByTestId('paste-text').fill(text);
    await page.getByRole('button', { name: 'Load pasted text' }).click();
    const review = page.getByTestId('response-review');
    await review.waitFor(POLL);
    expect(await page.locator('#response-force').inputValue()).toBe('west-midlands');
    // Undated: the statuses default to the last day of the 56-day window, as the hand-encoded ones are.
    expect(await page.getByTestId('response-status-date').getAttribute('data-value')).toBe('2023-09-04');
    expect(await page.getByTestId('choice-12').inputValue()).toBe('pending_closure');
    // Recommendations 5 and 6 rest on one sentence: "Show in the document" finds it from either.
    await review.locator('tr[data-rec="6"]').getByRole('button', { name: 'Show in the document' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-recs'))).toBe('5 6');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Do not load this response' }).click();
    await expect.poll(() => review.count()).toBe(0);

    // A Word file and a web page dropped together are reviewed one after the other.
    const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/responses/${name}`, import.meta.url));
    await page.getByTestId('file-input').setInputFiles([fixture('cheshire-pcc-response-firearms-2023.docx'), fixture('durham-firearms-table.html')]);
    await expect.poll(() => page.locator('#response-force').inputValue().catch(() => ''), POLL).toBe('cheshire');
    expect(await page.getByTestId('choice-7').inputValue()).toBe('pending_closure');
    await page.getByRole('button', { name: 'Do not load this response' }).click();
    await expect.poll(() => page.locator('#response-force').inputValue().catch(() => ''), POLL).toBe('durham');
    expect(await page.getByTestId('choice-12').inputValue()).toBe('pending_closure');
    await page.getByRole('button', { name: 'Do not load this response' }).click();
    await expect.poll(() => review.count()).toBe(0);
    expect(await page.getByTestId('data-status').textContent()).not.toContain('Loaded');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 180_000);
