import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTerminalSummary } from '../../src/report/reporters/terminal.js';
import { writeGithubReport } from '../../src/report/write-github.js';
import { writeReports } from '../../src/report/write-reports.js';
import { fixtureResult, SENTINELS } from '../report/fixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'ec-secrets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('sentinel credentials', () => {
  it('are all present in the fixture, so their absence below means something', () => {
    const raw = JSON.stringify(fixtureResult());
    for (const secret of Object.values(SENTINELS)) expect(raw).toContain(secret);
  });

  it('appear in none of the terminal summary, JUnit, JSON, HTML, Markdown and GitHub outputs', async () => {
    const written = await writeReports(fixtureResult(), scratch, ['junit', 'json', 'html', 'markdown']);
    const summary = join(scratch, 'step-summary.md');
    const github = await writeGithubReport(fixtureResult(), written, { GITHUB_STEP_SUMMARY: summary });
    const outputs: Array<[string, string]> = [
      ['terminal', renderTerminalSummary(fixtureResult(), { tty: true })],
      ...written.map(({ reporter, path }): [string, string] => [reporter, readFileSync(path, 'utf8')]),
      ['github annotations', github.annotations],
      ['github step summary', readFileSync(summary, 'utf8')],
    ];
    expect(outputs.map(([name]) => name)).toEqual([
      'terminal',
      'junit',
      'json',
      'html',
      'markdown',
      'github annotations',
      'github step summary',
    ]);
    for (const [name, text] of outputs) {
      const leaked = Object.values(SENTINELS).filter((secret) => text.includes(secret));
      expect(leaked, name).toEqual([]);
      // Even a fragment long enough to identify a sentinel would be a leak.
      expect(text, name).not.toMatch(/SENTINEL/);
    }
  });
});
