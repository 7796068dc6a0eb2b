/**
 * The HTML report as a person sees it: opened from disk in a real Chromium, with every request the
 * page attempts recorded. Needs Debian's `chromium` package (.ci/run installs it). Set
 * ERROR_CONTRACTS_BROWSER=none to skip these tests visibly where no browser can be installed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_PATHS } from '../../src/report/paths.js';
import { writeReports } from '../../src/report/write-reports.js';
import { repoRoot } from '../helpers/paths.js';
import { firstVendorName, fixtureResult, SENTINELS } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const browserDisabled = process.env.ERROR_CONTRACTS_BROWSER === 'none';
const SCREENSHOT = join(repoRoot, 'test-artifacts', 'report.png');

describe.skipIf(browserDisabled)('the HTML report in Chromium (ERROR_CONTRACTS_BROWSER=none skips)', () => {
  let browser: BrowserContext | undefined;
  let page: Page;
  let scratch: string;
  const attempted: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} not found. Install Debian's chromium package (apt-get install -y chromium), ` +
          'or set ERROR_CONTRACTS_BROWSER=none to skip the browser tests on purpose.',
      );
    }
    scratch = mkdtempSync(join(tmpdir(), 'ec-browser-'));
    const [html] = await writeReports(fixtureResult(), join(scratch, 'out'), ['html']);
    // A persistent context is how playwright takes a user data directory: a fresh one, nothing carried over.
    browser = await chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // Every request the page makes is recorded; anything but the report file itself is refused.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://')) return route.continue();
      attempted.push(url);
      return route.abort('blockedbyclient');
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) attempted.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(pathToFileURL(html?.path ?? '').href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
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
    expect(await timelines.count()).toBe(2);
    for (const svg of await timelines.all()) {
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(20);
      expect(await svg.locator('rect.wait').count()).toBeGreaterThan(0);
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
