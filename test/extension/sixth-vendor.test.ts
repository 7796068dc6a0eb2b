/**
 * Adding a vendor touches only its own files. A copy of the repository (as it is now, uncommitted
 * edits included) receives the fixture vendor of test/fixtures/sixth-vendor, laid out as a new
 * vendor's files are (docs/adding-a-vendor.md), and then goes through everything a contributor
 * runs: generate, type check, lint, build, the vendor's conformance run on every target, its Pact
 * contract and the whole test suite. The test fails for each step that fails, naming it, and for
 * any file outside the vendor's own, the generator's output and the run outputs that changed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { addFixture, changedSinceBaseline, copyRepository } from './repo-copy.js';
import {
  bin,
  commandStep,
  failedTests,
  filesWithTypeErrors,
  notRun,
  type StepContext,
  type StepOutcome,
  startUntilReady,
  TIMEOUTS,
} from './steps.js';

/** Set in the copy's own test run, so the copy does not start this test again. */
export const IN_EXTENSION_COPY = 'ERROR_CONTRACTS_EXTENSION_COPY';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'sixth-vendor');
const [vendorId, ...others] = readdirSync(join(FIXTURE, 'schemas'));
const base = mkdtempSync(join(tmpdir(), 'error-contracts-extension-'));

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Which changed files a new vendor may bring: its own, the generator's, and the runs' outputs. */
function unexpectedChanges(
  changed: readonly string[],
  fixture: readonly string[],
  generated: readonly string[],
) {
  const own = new Set(fixture);
  const generatedFiles = new Set(generated.filter((path) => !path.endsWith('/')));
  const generatedDirs = generated.filter((path) => path.endsWith('/'));
  const runOutput = (path: string) => path.startsWith('contracts/') && path.includes(String(vendorId));
  return changed.filter(
    (path) =>
      !own.has(path) &&
      !generatedFiles.has(path) &&
      !generatedDirs.some((dir) => path.startsWith(dir)) &&
      !runOutput(path),
  );
}

/** The README's client-check summary: the part of it `npm run client-table` rewrites. */
const SUMMARY = /<!-- client-check summary[^>]*-->[\s\S]*?<!-- end of client-check summary -->/;

/**
 * Whether a changed file is the client table's own output: its page, or a README that differs
 * from the original only inside the summary markers.
 */
function clientTableChange(path: string, repo: string): boolean {
  if (path === 'docs/client-check-results.md') return true;
  if (path !== 'README.md') return false;
  const withoutSummary = (text: string) => text.replace(SUMMARY, '');
  const original = readFileSync(join(repoRoot, path), 'utf8');
  return withoutSummary(readFileSync(join(repo, path), 'utf8')) === withoutSummary(original);
}

describe.skipIf(process.env[IN_EXTENSION_COPY] !== undefined)('adding a sixth vendor', () => {
  it('is the fixture folder alone: every step passes and no other file changes', async () => {
    expect(others, 'the fixture holds exactly one vendor folder under schemas/').toEqual([]);
    const repo = copyRepository(repoRoot, base);
    const fixtureFiles = addFixture(FIXTURE, repo);
    const context: StepContext = {
      repo,
      env: {
        ...process.env,
        PACT_DO_NOT_TRACK: 'true',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        [IN_EXTENSION_COPY]: '1',
      },
    };
    const cli = (...args: string[]) => ['node', 'dist/cli/main.js', ...args, '--vendor', String(vendorId)];
    const outcomes: StepOutcome[] = [];
    const record = (outcome: StepOutcome) => {
      outcomes.push(outcome);
      return outcome.ok;
    };

    const generated = await commandStep(
      context,
      'npm run generate',
      ['npm', 'run', '-s', 'generate'],
      TIMEOUTS.generate,
    );
    record(generated);
    const listed = await commandStep(
      context,
      'generate --list',
      [bin(context, 'tsx'), 'scripts/generate.ts', '--list'],
      TIMEOUTS.generate,
    );
    record(listed);
    const generatedPaths = listed.ok ? (listed.run?.output ?? '').split('\n').filter(Boolean) : [];

    record(
      await commandStep(
        context,
        'tsc --noEmit',
        [bin(context, 'tsc'), '--noEmit'],
        TIMEOUTS.typecheck,
        (run) => {
          const files = filesWithTypeErrors(run.output);
          return files.length > 0
            ? `files with type errors (each still needs an edit):\n  ${files.join('\n  ')}`
            : '';
        },
      ),
    );
    record(await commandStep(context, 'biome ci .', [bin(context, 'biome'), 'ci', '.'], TIMEOUTS.lint));
    const built = record(
      await commandStep(context, 'npm run build', ['npm', 'run', '-s', 'build'], TIMEOUTS.build),
    );

    const runStep = async (step: string, args: string[]) =>
      built
        ? record(await commandStep(context, step, cli('run', ...args), TIMEOUTS.run))
        : record(notRun(step, 'npm run build'));
    await runStep('run --target local', ['--target', 'local', '--out', 'reports/local']);
    await runStep('run --target nock', ['--target', 'nock', '--out', 'reports/nock']);

    // The sandbox target, against the fixture's independent implementation, through the config file
    // a user writes for it; its recording then plays back offline.
    const configFile = join(base, 'error-contracts.config.json');
    const recordings = join(base, 'recordings');
    const independent = await startUntilReady(
      context,
      [bin(context, 'tsx'), 'test/extension/serve-independent.ts', String(vendorId), configFile],
      TIMEOUTS.start,
    );
    let recorded = false;
    if ('problem' in independent) {
      record({ step: 'start the independent implementation', ok: false, problem: independent.problem });
      record(notRun('run --target sandbox', 'start the independent implementation'));
    } else {
      try {
        recorded = await runStep('run --target sandbox', [
          '--target',
          'sandbox',
          '--config',
          configFile,
          '--record',
          recordings,
          '--out',
          'reports/sandbox',
        ]);
      } finally {
        independent.stop();
      }
    }
    if (recorded)
      await runStep('run --target replay', [
        '--target',
        'replay',
        '--cassettes',
        recordings,
        '--out',
        'reports/replay',
      ]);
    else record(notRun('run --target replay', 'run --target sandbox'));

    if (built) record(await commandStep(context, 'pact --verify', cli('pact', '--verify'), TIMEOUTS.pact));
    else record(notRun('pact --verify', 'npm run build'));

    // The client table is the one committed page a vendor extends that the generator does not
    // write: checking every third-party client against the new vendor takes a test run.
    record(
      await commandStep(
        context,
        'npm run client-table',
        ['npm', 'run', '-s', 'client-table'],
        TIMEOUTS.suite,
      ),
    );

    const suiteReport = join(base, 'vitest-report.json');
    record(
      await commandStep(
        context,
        'vitest run (the whole suite)',
        [
          bin(context, 'vitest'),
          'run',
          '--reporter=dot',
          '--reporter=json',
          `--outputFile.json=${suiteReport}`,
        ],
        TIMEOUTS.suite,
        () => {
          const failed = failedTests(suiteReport, repo);
          return failed.length > 0 ? `failed tests:\n  ${failed.join('\n  ')}` : '';
        },
      ),
    );

    const unexpected = unexpectedChanges(changedSinceBaseline(repo), fixtureFiles, generatedPaths).filter(
      (path) => !clientTableChange(path, repo),
    );
    if (unexpected.length > 0)
      record({
        step: 'files changed',
        ok: false,
        problem: `changed outside the vendor's files, the generator's output and run outputs:\n  ${unexpected.join('\n  ')}`,
      });

    const failures = outcomes.filter((outcome) => !outcome.ok);
    const report = failures.map((outcome) => `✗ ${outcome.step}: ${outcome.problem}`).join('\n\n');
    expect(
      failures.map((outcome) => outcome.step),
      `adding ${vendorId}:\n\n${report}`,
    ).toEqual([]);
  });
});
