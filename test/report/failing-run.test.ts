/**
 * What a person sees of a failing run, checked on a real run rather than a fixture: Collate's
 * checklist against the embedded simulator with a dozen answers broken, so there are more failures
 * and drift notes than GitHub shows annotations for. Every failure and drift note must carry its
 * expected and actual values in the terminal, the step summary and the annotations; every failed
 * check a reproducer without a credential value; the annotations stay within GitHub's limit and
 * count the rest. Runs that stop before judging (exit 2 and 3) still leave an annotation and a
 * job-summary section.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { runChecklist } from '../../src/conformance/execute.js';
import { formatValue } from '../../src/report/format.js';
import { ANNOTATIONS_PER_KIND } from '../../src/report/reporters/github.js';
import { renderHtml } from '../../src/report/reporters/html.js';
import { renderJunit } from '../../src/report/reporters/junit.js';
import { renderTerminalSummary } from '../../src/report/reporters/terminal.js';
import type { JsonValue, RunResult } from '../../src/report/result.js';
import { writeGithubReport } from '../../src/report/write-github.js';
import { assembleResult } from '../../src/runner/assemble-result.js';
import { openLocalTarget } from '../../src/runner/targets/simulator-targets.js';
import type { CheckMeta } from '../../src/runner/vitest/define-suite.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';
import { getVendor } from '../../src/vendors/registry.js';
import { closedPort } from '../helpers/closed-port.js';
import { cli } from '../helpers/run-cli-captured.js';

/** The first line of a value as the reporters print it: enough to find it in any of them. */
const firstLine = (value: JsonValue) => formatValue(value).split('\n')[0] ?? '';

/** Lines that hold one workflow command each. */
const commandsOf = (text: string, kind: 'error' | 'warning') =>
  text.split('\n').filter((line) => line.startsWith(`::${kind} `));

describe('the output of a failing run', () => {
  let result: RunResult;
  let terminal: string;
  let summary: string;
  let annotations: string;
  let dir: string;
  let validToken: string;

  beforeAll(async () => {
    // Twelve of Collate's codes answered with another status (more failed checks than annotations),
    // and Foresight's codes whose status is an inferred reading likewise (drift, not failures).
    const collate = getVendor('collate')
      .catalog.filter((entry) => (entry.surface ?? 'api') === 'api')
      .slice(0, 12)
      .map((entry) => ({ kind: 'wrong_status' as const, vendorId: 'collate' as const, code: entry.code }));
    const foresight = getVendor('foresight')
      .catalog.filter((entry) => (entry.surface ?? 'api') === 'api' && entry.source.status === 'inferred')
      .slice(0, 12)
      .map((entry) => ({ kind: 'wrong_status' as const, vendorId: 'foresight' as const, code: entry.code }));
    const vendors = ['collate', 'foresight'] as const;
    const open = await openLocalTarget([...vendors], { drift: [...collate, ...foresight] });
    const checks: CheckMeta[] = [];
    const startedAt = new Date();
    try {
      const clock = { now: () => open.target.now(), sleep: (ms: number) => open.target.wait(ms) };
      for (const vendorId of vendors) {
        for (const check of await runChecklist(vendorId, open.target, { clock })) {
          checks.push({ vendorId, baseUrl: open.baseUrls.get(vendorId) ?? '', result: check });
        }
      }
      const credential = vendorModels.collate.credentials(open.baseUrls.get('collate') ?? '').roles.valid;
      validToken = credential?.kind === 'header' ? credential.value.replace(/^Bearer /, '') : '';
    } finally {
      await open.close();
    }
    result = assembleResult({ target: 'local', vendors: [...vendors] }, checks, {
      startedAt,
      finishedAt: new Date(),
    });
    terminal = renderTerminalSummary(result, { tty: false });
    dir = await mkdtemp(join(tmpdir(), 'ec-failing-run-'));
    const summaryFile = join(dir, 'step-summary.md');
    const github = await writeGithubReport(result, [], { GITHUB_STEP_SUMMARY: summaryFile });
    summary = await readFile(summaryFile, 'utf8');
    annotations = github.annotations;
  }, 60_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const failed = () =>
    result.vendors.flatMap((vendor) => vendor.checks.filter((check) => check.outcome === 'fail'));
  const notes = () =>
    result.vendors.flatMap((vendor) => vendor.checks.flatMap((check) => [...check.failures, ...check.drift]));

  it('has more failed checks than GitHub shows annotations for, and drift besides', () => {
    expect(failed().length).toBeGreaterThan(ANNOTATIONS_PER_KIND);
    const driftNotes = result.vendors.flatMap((vendor) => vendor.checks.flatMap((check) => check.drift));
    expect(driftNotes.length).toBeGreaterThan(ANNOTATIONS_PER_KIND);
  });

  it('says what was expected and what came back for every failure and drift note, never null', () => {
    expect(notes().length).toBeGreaterThan(ANNOTATIONS_PER_KIND);
    for (const note of notes()) {
      expect(note.expected, note.message).not.toBeUndefined();
      expect(note.expected, note.message).not.toBeNull();
      expect(note.actual, note.message).not.toBeUndefined();
    }
  });

  it('prints every expected and actual value in the terminal and the step summary', () => {
    for (const note of notes()) {
      for (const value of [note.expected, note.actual] as JsonValue[]) {
        expect(terminal, note.message).toContain(firstLine(value));
      }
    }
    // The step summary holds the first 50 failed checks (all of them here) and their values.
    for (const check of failed()) {
      for (const failure of check.failures) {
        expect(summary).toContain(`expected: ${firstLine(failure.expected as JsonValue)}`);
        expect(summary).toContain(`actual:   ${firstLine(failure.actual as JsonValue)}`);
      }
    }
    expect(terminal).not.toMatch(/expected: +null/);
    expect(summary).not.toMatch(/expected: +null/);
  });

  it('gives every failed check a reproducer that names the credential variable, never its value', () => {
    const terminalCurls = terminal
      .split('\n')
      .filter((line) => line.trimStart().startsWith('reproduce: curl '));
    const summaryCurls = summary.split('\n').filter((line) => line.startsWith('curl '));
    expect(terminalCurls).toHaveLength(failed().length);
    expect(summaryCurls).toHaveLength(failed().length);
    expect(validToken.length).toBeGreaterThan(8);
    // A check that sends no credential (a missing-credential check) has no header to name.
    const withCredential = terminalCurls.filter((line) => line.includes('Authorization'));
    expect(withCredential.length).toBeGreaterThan(failed().length / 2);
    for (const line of [...terminalCurls, ...summaryCurls]) {
      if (line.includes('Authorization'))
        expect(line).toMatch(/-H "Authorization: \$ERROR_CONTRACTS_COLLATE_[A-Z_]+"/);
      expect(line).not.toContain(validToken);
      expect(line).not.toContain('[REDACTED]');
    }
  });

  it('gives the HTML and JUnit reports a reproducer per failed check too', () => {
    const html = renderHtml(result);
    const junit = renderJunit(result);
    // The HTML page shows each failed check twice: in the list at the top and in its vendor's section.
    expect(html.match(/<pre class="reproduce">curl /g)).toHaveLength(2 * failed().length);
    expect(junit.match(/reproduce: curl /g)).toHaveLength(failed().length);
    expect(html).toContain('$ERROR_CONTRACTS_COLLATE_');
    expect(junit).toContain('$ERROR_CONTRACTS_COLLATE_');
    expect(html + junit).not.toContain(validToken);
  });

  it('keeps annotations within GitHub’s limit per kind and counts the rest', () => {
    const errors = commandsOf(annotations, 'error');
    expect(errors).toHaveLength(ANNOTATIONS_PER_KIND);
    const more = failed().length - (ANNOTATIONS_PER_KIND - 1);
    expect(errors.at(-1)).toContain(`${more} more failed checks in the job summary`);
    for (const error of errors.slice(0, -1)) {
      expect(error).toMatch(/%0A {2}expected: /);
      expect(error).toMatch(/%0A {2}actual: {3}/);
      expect(error).toMatch(/%0Areproduce: curl /);
    }
    const warnings = commandsOf(annotations, 'warning');
    expect(warnings).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(warnings.at(-1)).toMatch(/\d+ more drift notes in the job summary/);
    for (const warning of warnings.slice(0, -1))
      expect(warning).toMatch(/%0A {2}expected: .*%0A {2}actual: /);
  });
});

describe('a run that stops before judging, with the github reporter', () => {
  async function run(argv: string[], env: Record<string, string>) {
    const dir = await mkdtemp(join(tmpdir(), 'ec-stopped-run-'));
    const summaryFile = join(dir, 'step-summary.md');
    try {
      const { code, stdout, stderr } = await cli(argv, {
        env: { ...env, GITHUB_STEP_SUMMARY: summaryFile },
        cwd: dir,
      });
      const summary = await readFile(summaryFile, 'utf8').catch(() => '');
      return { code, stdout, stderr, summary };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('exit 2: an ::error annotation and a job-summary section naming what to fix', async () => {
    const stopped = await run(
      ['run', '--reporter', 'github', '--target', 'sandbox', '--vendor', 'collate'],
      {},
    );
    expect(stopped.code).toBe(EXIT.usage);
    const [annotation, ...others] = commandsOf(stopped.stdout, 'error');
    expect(others).toEqual([]);
    expect(annotation).toContain('configuration error (exit 2)');
    expect(annotation).toContain('ERROR_CONTRACTS_COLLATE_BASE_URL');
    expect(stopped.summary).toContain('configuration error (exit 2)');
    expect(stopped.summary).toContain('ERROR_CONTRACTS_COLLATE_BASE_URL');
    expect(stopped.summary).toContain('**What to fix:**');
  });

  it('exit 2 for a misspelt flag too', async () => {
    const stopped = await run(['run', '--reporter', 'github', '--vendro', 'collate'], {});
    expect(stopped.code).toBe(EXIT.usage);
    expect(commandsOf(stopped.stdout, 'error')[0]).toContain(
      'unknown option --vendro. Did you mean "--vendor"?',
    );
    expect(stopped.summary).toContain('--vendro');
  });

  it('exit 3: a vendor that does not answer leaves an annotation and a summary saying so', async () => {
    const stopped = await run(['run', '--reporter', 'github', '--target', 'sandbox', '--vendor', 'collate'], {
      ERROR_CONTRACTS_COLLATE_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
      ERROR_CONTRACTS_COLLATE_VALID: 'Bearer sentinel-secret-value-1234',
    });
    expect(stopped.code).toBe(EXIT.incomplete);
    const [annotation] = commandsOf(stopped.stdout, 'error');
    expect(annotation).toContain('the run could not finish (exit 3)');
    expect(annotation).toContain('does not answer');
    expect(stopped.summary).toContain('(exit 3)');
    expect(stopped.summary).toContain('**What to fix:**');
    expect(stopped.stdout + stopped.summary).not.toContain('sentinel-secret-value-1234');
  });

  it('leaves stdout free of annotations without the github reporter', async () => {
    const stopped = await run(['run', '--target', 'sandbox', '--vendor', 'collate'], {});
    expect(stopped.code).toBe(EXIT.usage);
    expect(stopped.stdout).toBe('');
    expect(stopped.summary).toBe('');
  });
});
