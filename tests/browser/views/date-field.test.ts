import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, waitForNationalView, type AppPage } from '../support/chromium';

/**
 * The as-of date in an en-US browser: shown and typed day first, never mm/dd/yyyy; a date outside
 * the data's range is refused with the range in words, and the last valid date stays.
 */
let browser: Browser;
let app: AppPage;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser, baseUrl, '?asof=2024-03-31', () => {
    Object.defineProperty(navigator, 'language', { get: () => 'en-US' });
  });
}, 120_000);
afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

describe('the as-of date, day first in any locale', () => {
  it('shows the date day first and reads a typed day-first date', async () => {
    const { page } = app;
    const field = page.getByTestId('asof');
    expect(await field.inputValue()).toBe('31/03/2024');
    await field.fill('30/06/2024');
    await field.press('Enter');
    await waitForNationalView(page, '2024-06-30');
    expect(new URL(page.url()).searchParams.get('asof')).toBe('2024-06-30');
    expect(await field.inputValue()).toBe('30/06/2024');
  });

  it('refuses a month-first date and a date outside the data, keeping the last valid date', async () => {
    const { page } = app;
    const field = page.getByTestId('asof');
    await field.fill('06/30/2024');
    await field.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'day first' }).textContent()).resolves.toContain('“06/30/2024” is not a date written day first');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const min = (await field.getAttribute('data-min'))!;
    const [y, m, d] = min.split('-');
    await field.fill(`01/01/${Number(y) - 1}`);
    await field.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Choose a date' }).textContent()).resolves.toContain(`from ${d}/${m}/${y}`);
    expect(new URL(page.url()).searchParams.get('asof')).toBe('2024-06-30');
  });
});
