/**
 * The HTML report of a real conformance run, not a fixture: every vendor's checklist against the
 * embedded simulator with one drift variant switched on, so the page has a genuine failure and
 * genuine retry timelines. Opened in Chromium as a person would open it. Needs Debian's chromium
 * (ERROR_CONTRACTS_BROWSER=none skips visibly, as in html-browser.test.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { repoRoot } from '../helpers/paths.js';
import { simulatedRunResult } from '../helpers/simulated-run.js';
import {
  browserDisabled,
  type OpenedReport,
  openReportInChromium,
  overlappingTimelineParts,
} from './open-in-chromium.js';

const SCREENSHOT = join(repoRoot, 'test-artifacts', 'real-run-report.png');
const DRIFTED_CHECK = 'code.invalid_api_key';

describe.skipIf(browserDisabled)('the HTML report of a real run in Chromium', () => {
  let opened: OpenedReport | undefined;
  let page: Page;
  let result: RunResult;
  let attempted: string[] = [];

  beforeAll(async () => {
    // CaseXchange answers a revoked key with the wrong status; everything else is faithful.
    result = await simulatedRunResult({
      drift: [{ kind: 'wrong_status', vendorId: 'casexchange', code: 'invalid_api_key' }],
    });
    opened = await openReportInChromium(result);
    ({ page, attempted } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
  });

  it('comes from a run where only the checks of the drifted code fail', () => {
    const failed = result.vendors.flatMap((vendor) =>
      vendor.checks.filter((check) => check.outcome === 'fail').map((check) => `${vendor.id} ${check.id}`),
    );
    // The code is provoked two documented ways (a revoked key, no key at all): both see the drift.
    expect(failed).toEqual([`casexchange ${DRIFTED_CHECK}`, `casexchange ${DRIFTED_CHECK}.missing_key`]);
    expect(result.simulatedWaitMs).toBeGreaterThanOrEqual(60_000);
  });

  it('shows the failing cell in the matrix and the failure with expected and actual', async () => {
    expect(await page.locator('table.matrix td.o-fail').count()).toBe(1);
    const failure = page.locator('.check.o-fail .failure').filter({ hasText: 'status is not the catalog' });
    expect(await failure.first().isVisible()).toBe(true);
    expect(await failure.first().locator('.expected pre').innerText()).toBe('401');
  });

  it('draws the verified retry and rate-limit sequences as timelines', async () => {
    const timelines = page.locator('.timeline svg');
    expect(await timelines.count()).toBeGreaterThanOrEqual(vendorIds.length);
    expect(await page.locator('.timeline svg rect.wait').count()).toBeGreaterThan(vendorIds.length);
  });

  it("draws no timeline mark or label over another in any sequence, ClaimRev's refresh included", async () => {
    expect(await overlappingTimelineParts(page)).toEqual([]);
  });

  it('loads nothing from the network and saves a screenshot to test-artifacts/real-run-report.png', async () => {
    expect(attempted).toEqual([]);
    mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
