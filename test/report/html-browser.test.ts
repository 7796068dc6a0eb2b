/**
 * The HTML report as a person sees it: opened from disk in a real Chromium, with every request the
 * page attempts recorded. Needs Debian's `chromium` package (.ci/run installs it). Set
 * ERROR_CONTRACTS_BROWSER=none to skip these tests visibly where no browser can be installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_PATHS } from '../../src/report/paths.js';
import { repoRoot } from '../helpers/paths.js';
import { firstVendorName, fixtureResult, fixtureWithRefresh, SENTINELS } from './fixtures.js';
import {
  browserDisabled,
  type OpenedReport,
  openReportInChromium,
  overlappingTimelineParts,
} from './open-in-chromium.js';

const SCREENSHOT = join(repoRoot, 'test-artifacts', 'report.png');

describe.skipIf(browserDisabled)('the HTML report in Chromium (ERROR_CONTRACTS_BROWSER=none skips)', () => {
  let opened: OpenedReport | undefined;
  let page: Page;
  let attempted: string[] = [];
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    opened = await openReportInChromium(fixtureWithRefresh());
    ({ page, attempted, consoleErrors } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('shows the matrix with a row for every checklist path and a column for every vendor', async () => {
    const matrix = page.locator('table.matrix');
    expect(await matrix.isVisible()).toBe(true);
    expect(await matrix.locator('tbody tr').count()).toBe(CHECKLIST_PATHS.length);
    expect(await matrix.locator('thead th').count()).toBe(fixtureResult().vendors.length + 2);
    expect(await matrix.locator('td.o-fail').first().isVisible()).toBe(true);
  });

  it("shows a failure's expected and actual values side by side", async () => {
    const failure = page
      .locator('.check.o-fail .failure')
      .filter({ hasText: 'status differs from the catalog' });
    const expected = failure.locator('.expected pre');
    const actual = failure.locator('.actual pre');
    expect(await expected.isVisible()).toBe(true);
    expect(await actual.isVisible()).toBe(true);
    expect(await expected.innerText()).toBe('422');
    expect(await actual.innerText()).toBe('400');
    const [left, right] = [await expected.boundingBox(), await actual.boundingBox()];
    expect(left && right && left.x < right.x && Math.abs(left.y - right.y) < 2).toBe(true);
  });

  it('shows a hostile response body as text, without running it', async () => {
    const body = page.locator('.check.o-fail .exchange pre').filter({ hasText: '<script>' });
    expect(await body.first().isVisible()).toBe(true);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
  });

  it('draws each retry sequence as an SVG timeline of non-zero size', async () => {
    const timelines = page.locator('.timeline svg');
    expect(await timelines.count()).toBe(3);
    for (const svg of await timelines.all()) {
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(20);
      expect(await svg.locator('rect.wait').count()).toBeGreaterThan(0);
    }
  });

  it("draws no timeline mark or label over another, the refresh sequence's 401 included", async () => {
    expect(await overlappingTimelineParts(page)).toEqual([]);
    const refused = page.locator('.timeline svg circle.mark.s4', {
      has: page.locator('title', { hasText: '→ 401' }),
    });
    expect(await refused.count()).toBe(1);
    expect(await refused.isVisible()).toBe(true);
  });

  it('puts the failed checks first, by id, and folds the n/a checks into one line per vendor', async () => {
    const failures = page.locator('#failures');
    const matrix = page.locator('#matrix');
    expect((await failures.boundingBox())?.y ?? Infinity).toBeLessThan((await matrix.boundingBox())?.y ?? 0);
    expect(await failures.locator('li .check-id').allInnerTexts()).toEqual(
      fixtureResult().vendors.flatMap((v) => v.checks.filter((c) => c.outcome === 'fail').map((c) => c.id)),
    );
    const vendorsWithNa = fixtureResult().vendors.filter((v) =>
      v.checks.some((c) => c.outcome === 'not_applicable'),
    );
    expect(await page.locator('.na-line').count()).toBe(vendorsWithNa.length);
    for (const line of await page.locator('.na-line > summary').all()) {
      expect((await line.boundingBox())?.height ?? 0).toBeLessThan(40);
    }
  });

  it('attempts no network request and breaks none of its own Content Security Policy', () => {
    expect(attempted).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('shows no sentinel credential anywhere on the page', async () => {
    const text = await page.locator('body').innerText();
    for (const secret of Object.values(SENTINELS)) expect(text).not.toContain(secret);
    expect(text).toContain(firstVendorName);
  });

  it('saves a full-page screenshot to test-artifacts/report.png', async () => {
    mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
