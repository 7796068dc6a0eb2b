import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { RunResult } from '../../src/report/result.js';
import { writeReports } from '../../src/report/write-reports.js';

export const CHROMIUM = '/usr/bin/chromium';
export const browserDisabled = process.env.ERROR_CONTRACTS_BROWSER === 'none';

export interface OpenedReport {
  page: Page;
  /** Every request the page tried to make other than for the report file; all were refused. */
  attempted: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * Writes a result's HTML report and opens it from disk in Debian's Chromium, headless, with a
 * fresh profile and background networking off. Every request but the report file itself is
 * refused and recorded, so a test can prove the page needs no network.
 */
export async function openReportInChromium(result: RunResult): Promise<OpenedReport> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found. Install Debian's chromium package (apt-get install -y chromium), ` +
        'or set ERROR_CONTRACTS_BROWSER=none to skip the browser tests on purpose.',
    );
  }
  const scratch = mkdtempSync(join(tmpdir(), 'ec-browser-'));
  const [html] = await writeReports(result, join(scratch, 'out'), ['html']);
  // A persistent context is how playwright takes a user data directory: a fresh one, nothing carried over.
  const browser = await chromium.launchPersistentContext(join(scratch, 'profile'), {
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
  const attempted: string[] = [];
  const consoleErrors: string[] = [];
  const page = browser.pages()[0] ?? (await browser.newPage());
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
  return {
    page,
    attempted,
    consoleErrors,
    close: async () => {
      await browser.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * Pairs of marks or labels that meet inside any timeline drawing of the page, measured by the
 * browser's own layout (text as actually rendered, not estimated), as "label a / label b".
 */
export async function overlappingTimelineParts(page: Page): Promise<string[]> {
  return page.locator('.timeline svg').evaluateAll((svgs) => {
    const found: string[] = [];
    for (const svg of svgs) {
      const parts = [...svg.querySelectorAll('circle, text:not(.lane)')].map((element) => ({
        box: element.getBoundingClientRect(),
        name: `${element.tagName} ${element.textContent?.trim() || element.querySelector('title')?.textContent || ''}`,
        // A tick label sits under its own tick, apart from the marks; only ticks among themselves count.
        tick: element.closest('.tick') !== null,
      }));
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          const a = parts[i];
          const b = parts[j];
          if (!a || !b || a.tick !== b.tick) continue;
          const meet =
            a.box.left < b.box.right - 0.5 &&
            b.box.left < a.box.right - 0.5 &&
            a.box.top < b.box.bottom - 0.5 &&
            b.box.top < a.box.bottom - 0.5;
          if (meet) found.push(`${a.name} / ${b.name}`);
        }
      }
    }
    return found;
  });
}
