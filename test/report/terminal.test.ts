import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../src/report/matrix.js';
import { CHECKLIST_PATHS, pathTitle } from '../../src/report/paths.js';
import { cellText, renderTerminalSummary } from '../../src/report/reporters/terminal.js';
import { fixtureResult, narrowedFixture } from './fixtures.js';

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[`);
const ANSI_CODES = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

describe('the terminal summary', () => {
  const result = fixtureResult();
  const plain = renderTerminalSummary(result, { tty: false });
  const lines = plain.split('\n');

  it("shows every cell's outcome on its path's line, in vendor order", () => {
    for (const row of buildMatrix(result).rows) {
      const line = lines.find((candidate) => candidate.startsWith(pathTitle(row.path)));
      expect(line, pathTitle(row.path)).toBeDefined();
      let from = 0;
      for (const cell of row.cells) {
        const at = line?.indexOf(cellText(cell), from) ?? -1;
        expect(at, `${row.path.id} / ${cell.vendorId}`).toBeGreaterThan(from - 1);
        from = at + 1;
      }
    }
  });

  it('names every vendor in the header', () => {
    for (const vendor of result.vendors) expect(lines[2]).toContain(vendor.name);
  });

  it('gives totals, requests sent, wall time and simulated waiting', () => {
    const { totals } = result;
    const all = Object.values(totals).reduce((sum, count) => sum + count, 0);
    expect(plain).toContain(
      `Checks: ${totals.fail} fail, ${totals.drift} drift, ${totals.pass} pass, ${totals.skipped} skipped, ${totals.not_applicable} n/a (${all} in all)`,
    );
    expect(plain).toContain(`Requests sent: ${result.requests}`);
    expect(plain).toContain('Wall time: 4.21 s · simulated waiting verified: 37.6 s');
  });

  it.each([
    ['replay', 'Requests replayed:', 'recorded waiting verified: 37.6 s'],
    ['sandbox', 'Requests sent:', '· waiting verified: 37.6 s'],
    ['nock', 'Requests sent:', 'simulated waiting verified: 37.6 s'],
  ] as const)('names the figures of a %s run for what happened', (target, requests, waiting) => {
    const text = renderTerminalSummary({ ...fixtureResult(), target }, { tty: false });
    expect(text).toContain(`${requests} ${result.requests}`);
    expect(text).toContain(waiting);
    if (target !== 'nock') expect(text).not.toContain('simulated');
  });

  it('lists each failure with expected and actual, and with --verbose each not-run check with its reason', () => {
    expect(plain).toMatch(/status differs from the catalog\n\s+expected: 422\n\s+actual: {3}400/);
    expect(plain).toContain('member not in the schema: hint (/error/hint)');
    const verbose = renderTerminalSummary(result, { tty: false, verbose: true });
    expect(verbose).toContain('documents no rate limit');
    expect(verbose).toMatch(/WRITE_KEY to enable/);
  });

  it('says which checks did not run in one line per vendor unless verbose', () => {
    const section = plain.slice(plain.indexOf('\nNot run'));
    const vendorsWithNotRun = result.vendors.filter((vendor) =>
      vendor.checks.some((check) => check.outcome === 'skipped' || check.outcome === 'not_applicable'),
    );
    expect(vendorsWithNotRun.length).toBeGreaterThan(0);
    const body = section.trim().split('\n').slice(1);
    expect(body).toHaveLength(vendorsWithNotRun.length);
    for (const [index, vendor] of vendorsWithNotRun.entries())
      expect(body[index]).toMatch(new RegExp(`^  ${vendor.name}: `));
    expect(plain).not.toContain('documents no rate limit');
  });

  it('leaves rows no check covered out of a narrowed run, and keeps them in a full one', () => {
    const narrowedResult = narrowedFixture();
    const narrowed = renderTerminalSummary(narrowedResult, { tty: false });
    const ran = new Set(narrowedResult.vendors.flatMap((vendor) => vendor.checks.map((entry) => entry.path)));
    expect(ran.size).toBe(1);
    for (const path of CHECKLIST_PATHS) {
      expect(plain).toContain(pathTitle(path));
      if (ran.has(path.id)) expect(narrowed).toContain(pathTitle(path));
      else expect(narrowed).not.toContain(pathTitle(path));
    }
  });

  it('uses colour only when told the stream is a terminal, and never under NO_COLOR', () => {
    expect(plain).not.toMatch(ANSI);
    const coloured = renderTerminalSummary(result, { tty: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI_CODES, '')).toBe(plain);
    expect(renderTerminalSummary(result, { tty: true, env: { NO_COLOR: '1' } })).not.toMatch(ANSI);
  });

  it('colours a log when FORCE_COLOR asks, and never a dumb terminal', () => {
    expect(renderTerminalSummary(result, { tty: false, env: { FORCE_COLOR: '1' } })).toMatch(ANSI);
    expect(renderTerminalSummary(result, { tty: true, env: { TERM: 'dumb' } })).not.toMatch(ANSI);
  });

  it('counts vendors in the singular for a one-vendor run', () => {
    const one = { ...result, vendors: result.vendors.slice(0, 1) };
    expect(renderTerminalSummary(one, { tty: false })).toMatch(/ · 1 vendor$/m);
    expect(plain).toMatch(new RegExp(` · ${result.vendors.length} vendors$`, 'm'));
  });
});

describe('response-derived text in the terminal summary', () => {
  // In a GitHub Actions log a line that starts with "::" is a workflow command; a body member named
  // like this one would otherwise switch off every annotation printed after it.
  const INJECTED = '\n::stop-commands::x\n';

  function hostileResult() {
    const result = fixtureResult();
    const checks = result.vendors.flatMap((vendor) => vendor.checks);
    const failed = checks.find((check) => check.outcome === 'fail');
    const drifted = checks.find((check) => check.drift.length > 0);
    const notRun = checks.find((check) => check.outcome === 'skipped' || check.outcome === 'not_applicable');
    if (!failed || !drifted || !notRun)
      throw new Error('the fixture lacks a failed, drifted or skipped check');
    failed.title = `Title${INJECTED}`;
    const [failure] = failed.failures;
    if (!failure) throw new Error('the failed check has no failure');
    failure.message = `Message${INJECTED}`;
    failure.expected = `Expected${INJECTED}`;
    failure.actual = `Actual\r::stop-commands::y\r\n`;
    drifted.drift.push({ message: `member not in the schema: ${INJECTED}`, path: `/error/${INJECTED}` });
    notRun.reason = `Reason${INJECTED}`;
    return result;
  }

  it('prints no line that starts with "::", whatever the body member names and messages hold', () => {
    const text = renderTerminalSummary(hostileResult(), { tty: false });
    const commandLike = text.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::'));
    expect(commandLike).toEqual([]);
  });

  it('shows the line breaks it escaped as visible text', () => {
    const text = renderTerminalSummary(hostileResult(), { tty: false, verbose: true });
    expect(text).toContain(
      'member not in the schema: \\n::stop-commands::x\\n (/error/\\n::stop-commands::x\\n)',
    );
    expect(text).toContain('Message\\n::stop-commands::x\\n');
    expect(text).toContain('Actual\\r::stop-commands::y\\r\\n');
    expect(text).toContain('Reason\\n::stop-commands::x\\n');
  });
});
