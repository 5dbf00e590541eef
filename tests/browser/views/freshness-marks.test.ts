import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp } from '../support/chromium';
import { openDemoData } from '../../sql/support/demo-data';
import type { Connector } from '../../../src/lib/db/connector';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { forceFreshness, type Freshness } from '../../../src/lib/metrics/national/freshness.sql';
import { staleHeadline } from '../../../src/lib/charts/shared/freshness-words';

let browser: Browser;
let firearms: Freshness;
const baseUrl = inject('baseUrl');

// The Cheshire and West Midlands firearms statuses are real, read from their PCCs' 2023 responses:
// on the firearms report alone, their data is years older than the generated statuses.
beforeAll(async () => {
  let db: Connector;
  [browser, db] = await Promise.all([launchChromium(), openDemoData()]);
  const latest = (await dataExtent(db)).lastUpdate!;
  firearms = await forceFreshness(db, { ...defaultFilters(latest), inspections: ['firearms-2023'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const staleIds = () => firearms.forces.filter((f) => f.stale).map((f) => f.force_id).sort();

describe('freshness marks', () => {
  it('on the demo data, the firearms report finds Cheshire and West Midlands stale', () => {
    expect(staleIds()).toEqual(expect.arrayContaining(['cheshire', 'west-midlands']));
  });

  it('are counted in the national headline and outline the stale forces’ tiles', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?insp=firearms-2023');
    try {
      await expect(page.getByTestId('stale-headline').textContent()).resolves.toBe(staleHeadline(firearms.staleForces, 180));
      const outlined = await page.locator('.tile.stale').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-force')).sort());
      expect(outlined).toEqual(staleIds());
      await expect(page.locator('.tile[data-force="cheshire"]').getAttribute('aria-label')).resolves.toContain('old data: last update 4 September 2023');

      // The embedded ranking names them as the view does.
      await page.goto(new URL('?insp=firearms-2023&embed=force-ranking', baseUrl).href);
      await page.waitForSelector('main.embed[data-ready="true"]', { timeout: 30_000 });
      const names = await page.locator('[data-chart="force-ranking"] svg g[aria-label="y-axis tick label"] text').allTextContents();
      expect(names.filter((n) => n.endsWith('(old data)'))).toHaveLength(firearms.staleForces);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('name the stale forces on the inspection matrix and beside a force’s benchmark', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=inspection&inspection=firearms-2023');
    try {
      const names = await page.locator('[data-chart="status-matrix"] svg g[aria-label="y-axis tick label"] text').allTextContents();
      expect(names).toContain('Cheshire (old data)');
      expect(names).toContain('West Midlands (old data)');
      expect(names.filter((n) => n.endsWith('(old data)'))).toHaveLength(firearms.staleForces);

      await page.goto(new URL('?view=force&force=cheshire&insp=firearms-2023', baseUrl).href);
      await page.waitForSelector('section.force-view[data-ready="true"][data-force="cheshire"]', { timeout: 30_000 });
      const note = await page.locator('[data-testid="force-freshness"] li[data-force="cheshire"]').textContent();
      expect(note?.replace(/\s+/g, ' ')).toContain('Cheshire’s data: last update 4 September 2023');
      expect(note).toContain('old data');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
