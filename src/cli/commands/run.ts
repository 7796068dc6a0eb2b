import { constants, existsSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checklistFor } from '../../conformance/checklist.js';
import { DEFAULT_LIMITS, type RunLimits } from '../../conformance/types.js';
import { OUTCOME_LABELS } from '../../report/format.js';
import { redactRunResult } from '../../report/redact.js';
import { createProgress } from '../../report/reporters/progress.js';
import { renderTerminalSummary } from '../../report/reporters/terminal.js';
import { writeStoppedGithubReport } from '../../report/stopped-run.js';
import { writeGithubReport } from '../../report/write-github.js';
import { type FileReporter, fileReporters, writeReports } from '../../report/write-reports.js';
import { assembleResult } from '../../runner/assemble-result.js';
import { cassetteFileName } from '../../runner/cassettes/cassette.js';
import { readCassette } from '../../runner/cassettes/replay.js';
import type { Collected, RunListener } from '../../runner/collected.js';
import { CONFIG_FILE_VARIABLE, DEFAULT_CONFIG_FILE } from '../../runner/config/env-names.js';
import { RunConfigError } from '../../runner/config/errors.js';
import {
  type ResolveOptions,
  type RunConfigFile,
  sandboxVendors,
} from '../../runner/config/sandbox-config.js';
import { describeChecks } from '../../runner/describe-checks.js';
import { toolInfo } from '../../runner/package-root.js';
import { PreflightError, preflight } from '../../runner/preflight.js';
import { runInProcess } from '../../runner/run-in-process.js';
import { type RunOptions, TARGET_NAMES, type TargetName } from '../../runner/run-options.js';
import { runWithVitest } from '../../runner/vitest/run-with-vitest.js';
import { canRedraw } from '../../text/colour.js';
import { plural } from '../../text/plural.js';
import { didYouMean } from '../../text/suggest.js';
import { type VendorId, vendorIds } from '../../vendors/registry.js';
import { deploymentsFor, loadConfig } from '../config-file.js';
import { describeParseError, flagsFromHelp } from '../flags.js';
import { type CliIo, type Command, EXIT, UsageError } from '../io.js';
import { vendorArgument } from '../vendor-arg.js';

const REPORTERS = ['terminal', 'github', ...fileReporters] as const;
type ReporterName = (typeof REPORTERS)[number];

export const runHelp = `error-contracts run [--vendor <id>...] [--target <t>] [--out <dir>] [--reporter <r>...] [--config <file>]
                    [--yes-this-is-a-sandbox] [--only <check id>...] [--dry-run]

Runs every vendor's conformance checklist (one check per documented error path) and prints the
matrix: vendors by path, each cell pass, fail, drift, n/a or skipped, with totals, requests sent
(or replayed) and the waiting verified. Progress goes to stderr: one line rewritten in place on a
terminal; elsewhere a line as each vendor starts and lines for any check that runs over a second.

  --target local    the embedded simulator over loopback HTTP (default; nothing to configure)
  --target nock     the embedded simulator inside this process
  --target sandbox  the vendors' sandboxes: base URLs and credentials from ERROR_CONTRACTS_<VENDOR>_*
                    variables or the config file (see docs/running.md)
  --target replay   offline, from cassettes a sandbox run recorded (needs --cassettes <dir>)
  --record <dir>    with --target sandbox: keep every exchange, redacted, as <vendor>.cassette.json
  --cassettes <dir> with --target replay: where the cassettes are
  --vendor <id>     check only this vendor (repeatable; ${vendorIds.join(', ')})
  --out <dir>       write junit.xml, results.json, report.html and summary.md there
  --reporter <r>    terminal, github, junit, json, html or markdown (repeatable; default: terminal,
                    plus all four files when --out is given; --out defaults to "reports" if a file
                    reporter is named). github: an annotation per failed check and per drift on
                    stdout, the Markdown summary appended to $GITHUB_STEP_SUMMARY, and counts and
                    report paths appended to $GITHUB_OUTPUT (see docs/reports.md)
  --quiet           no progress lines while the checks run
  --verbose         list every check that did not run with its reason (default: one line per vendor)
  --yes-this-is-a-sandbox
                    send to non-loopback base URLs not declared sandboxes in the config (see README)
  --max-burst <n>   sandbox: requests a check may send to provoke a 429 (default ${DEFAULT_LIMITS.maxBurst})
  --max-wait <s>    sandbox: longest advertised wait a check sits through (default ${DEFAULT_LIMITS.maxWaitMs / 1000} s);
                    a check needing more ends as "not verified" (skipped)
  --config <file>   sandbox configuration (default: ${DEFAULT_CONFIG_FILE} if present, or $${CONFIG_FILE_VARIABLE})
  --only <id>       run only this check (repeatable; ids from "error-contracts checks")
  --dry-run         print each check's request (method, URL, role, body) and send nothing

A sandbox run first checks each vendor (preflight): its base URL must answer (else exit 3) and
its valid credential must be accepted (else exit 2, naming the variable); no check runs until both hold.

Exit codes: 0 nothing failed, 1 a check failed, 2 usage or configuration error, 3 the run could
not finish (the message says why).`;

/** How a run that stopped before judging anything is told, besides on stderr. */
type StopReporter = (exit: 2 | 3, problem: string) => Promise<void>;

/** `--reporter github` among the arguments, read before they are parsed (parsing may be what fails). */
function asksForGithub(args: readonly string[]): boolean {
  return args.some(
    (arg, index) => arg === '--reporter=github' || (arg === '--reporter' && args[index + 1] === 'github'),
  );
}

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  if (!asksForGithub(args)) return runChecks(args, io, async () => {});
  // With the github reporter, a run that stops with exit 2 or 3 also leaves an ::error annotation
  // and a job-summary section saying what to fix: a red step alone tells a reader nothing.
  const stop: StopReporter = async (exit, problem) => {
    try {
      io.stdout(await writeStoppedGithubReport({ exit, problem }, toolInfo().name, io.env));
    } catch (error) {
      // The reason the run stopped matters more than the summary: it is not hidden behind this.
      io.stderr(`error-contracts run: the job summary could not be written: ${(error as Error).message}\n`);
    }
  };
  try {
    return await runChecks(args, io, stop);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof UsageError) await stop(EXIT.usage, error.message.replace(/^run: /, ''));
    else if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
      await stop(EXIT.usage, describeParseError(code, args, flagsFromHelp(runHelp)));
    else await stop(EXIT.incomplete, `could not finish: ${(error as Error).message ?? String(error)}`);
    throw error;
  }
}

async function runChecks(args: string[], io: CliIo, stop: StopReporter): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      vendor: { type: 'string', multiple: true },
      target: { type: 'string', default: 'local' },
      out: { type: 'string' },
      reporter: { type: 'string', multiple: true },
      config: { type: 'string' },
      'yes-this-is-a-sandbox': { type: 'boolean', default: false },
      'max-burst': { type: 'string' },
      'max-wait': { type: 'string' },
      record: { type: 'string' },
      cassettes: { type: 'string' },
      only: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const target = targetArgument(values.target);
  const limits = limitArguments(values['max-burst'], values['max-wait']);
  if (limits && target !== 'sandbox') {
    // On the simulator waits are virtual, and a replay keeps the limits it was recorded with.
    throw new UsageError(
      'run: --max-burst and --max-wait bound a real sandbox; use them with --target sandbox.',
    );
  }
  const reporters = reporterArguments(values.reporter);
  const files = reporters.filter((name): name is FileReporter => name !== 'terminal' && name !== 'github');
  const cwd = io.cwd ?? process.cwd();
  const outDir = values.out ?? (files.length > 0 ? 'reports' : undefined);
  const fileSet: FileReporter[] = values.reporter === undefined && outDir ? [...fileReporters] : files;

  let options: RunOptions;
  try {
    const config = await loadConfig(values.config ?? io.env[CONFIG_FILE_VARIABLE], cwd, target);
    const recording = cassetteArguments(target, values.record, values.cassettes, cwd);
    const vendors =
      target === 'replay' && !values.vendor?.length
        ? recordedVendors(recording.cassettes ?? '')
        : chooseVendors(values.vendor, target, config, io.env, values['yes-this-is-a-sandbox'] === true, {
            // A dry run sends nothing, so it needs no credential.
            credentials: values['dry-run'] !== true,
          });
    // Cassettes are read here as well as in the run, so a broken one is a usage error (exit 2)
    // reported before anything starts, not a crash inside a worker.
    if (recording.cassettes !== undefined) {
      for (const id of vendors) await readCassette(recording.cassettes, id);
    }
    const only = onlyArguments(values.only, vendors);
    options = {
      target,
      vendors: only
        ? vendors.filter((id) => checklistFor(id).some((check) => only.includes(check.id)))
        : vendors,
      ...(only ? { only } : {}),
      ...(config ? { config } : {}),
      ...(limits ? { limits } : {}),
      ...recording,
      ...(values['yes-this-is-a-sandbox'] ? { allowUndeclaredSandbox: true } : {}),
      ...(target === 'sandbox' ? { env: { ...io.env } } : {}),
    };
  } catch (error) {
    if (error instanceof RunConfigError) throw new UsageError(`run: ${error.message}`);
    throw error;
  }

  if (values['dry-run']) {
    io.stdout(renderDryRun(options, io.env));
    return EXIT.ok;
  }
  if (options.target === 'sandbox') {
    const failed = await preflightAll(options, io);
    if (failed !== undefined) {
      await stop(failed.exit, `preflight: ${failed.problem}`);
      return failed.exit;
    }
  }

  // Folders the run writes at its end are made now: a typo in --out must not cost a sandbox run.
  for (const [flag, dir] of [
    ['--out', outDir === undefined ? undefined : resolve(cwd, outDir)],
    ['--record', options.record],
  ] as const) {
    if (dir !== undefined) await writableFolder(flag, dir);
  }

  // A dumb terminal gets the plain lines a log gets: it would print redraw codes as text.
  const tty = canRedraw(io.terminal?.stderr === true, io.env);
  const progress = createProgress(
    {
      write: (text) => io.stderr(text),
      isTTY: tty,
      ...(io.terminal?.columns ? { columns: io.terminal.columns } : {}),
    },
    { quiet: values.quiet === true },
  );
  let done = 0;
  const total = options.vendors.reduce(
    (sum, id) =>
      sum + checklistFor(id).filter((check) => !options.only || options.only.includes(check.id)).length,
    0,
  );
  const startedAt = new Date();
  let collected: Collected;
  try {
    collected = await runChecklists(options, {
      onCheckStart: (title, vendorName) => progress.update({ vendorName, checkTitle: title, done, total }),
      onCheckActivity: (text) => progress.activity(text),
      onCheckEnd: (meta, vendorName) => {
        done++;
        progress.update({
          vendorName,
          checkTitle: meta.result.title,
          outcome: meta.result.outcome,
          done,
          total,
        });
      },
    });
  } catch (error) {
    progress.finish();
    if (error instanceof RunConfigError) throw new UsageError(`run: ${error.message}`);
    throw error;
  }
  progress.finish();
  // A worker that could not open the target as configured (a fixtures hook that failed): a
  // configuration error like any other, exit 2, with the message that names what to fix.
  const configError = collected.configErrors[0];
  if (configError !== undefined) throw new UsageError(`run: ${configError}`);
  // Redacted once here: every reporter below takes this result as it is rather than scanning it again.
  const result = redactRunResult(
    assembleResult(options, collected.checks, { startedAt, finishedAt: new Date() }),
  );

  if (reporters.includes('terminal') || values.reporter === undefined) {
    io.stdout(
      renderTerminalSummary(result, {
        tty: io.terminal?.stdout === true,
        env: io.env,
        verbose: values.verbose === true,
      }),
    );
  }
  let written: Awaited<ReturnType<typeof writeReports>> = [];
  if (outDir && fileSet.length > 0) {
    try {
      written = await writeReports(result, resolve(cwd, outDir), fileSet);
    } catch (error) {
      const problem = `the reports could not be written to ${outDir}: ${(error as Error).message}`;
      io.stderr(`error-contracts run: ${problem}\n`);
      await stop(EXIT.incomplete, problem);
      return EXIT.incomplete;
    }
    io.stdout(
      `\nReports:\n${written.map((report) => `  ${report.reporter.padEnd(8)} ${report.path}`).join('\n')}\n`,
    );
  }
  if (reporters.includes('github')) {
    const github = await writeGithubReport(result, written, io.env);
    io.stdout(github.annotations);
    for (const note of github.notes) io.stderr(`error-contracts run: ${note}\n`);
  }
  if (collected.errors.length > 0) {
    const problem = `the run did not finish:\n${collected.errors.map((e) => `  ${e}`).join('\n')}`;
    io.stderr(`error-contracts run: ${problem}\n`);
    await stop(EXIT.incomplete, problem);
    return EXIT.incomplete;
  }
  if (result.totals.fail > 0) {
    io.stderr(
      `error-contracts run: ${plural(result.totals.fail, 'check')} failed ${OUTCOME_LABELS.fail.symbol}\n`,
    );
    return EXIT.failed;
  }
  return EXIT.ok;
}

/**
 * Runs the checks. The embedded simulator (local, nock) runs in this process, as quick to start as
 * the checks are to run; a sandbox or a replay goes through vitest, whose per-check timeouts bound
 * a vendor that stops answering. Both run each check through the same session.
 */
function runChecklists(options: RunOptions, listener: RunListener): Promise<Collected> {
  return options.target === 'local' || options.target === 'nock'
    ? runInProcess(options, listener)
    : runWithVitest(options, listener);
}

/** The vendors a folder of cassettes holds, for a replay that names none. */
function recordedVendors(dir: string): VendorId[] {
  const found = vendorIds.filter((id) => existsSync(join(dir, cassetteFileName(id))));
  if (found.length === 0) {
    throw new UsageError(
      `run: ${dir} holds no cassette (<vendor>.cassette.json); fix --cassettes or record with --record.`,
    );
  }
  return found;
}

/** --record goes with the sandbox target and --cassettes with replay; both are folders. */
function cassetteArguments(
  target: TargetName,
  record: string | undefined,
  cassettes: string | undefined,
  cwd: string,
): { record?: string; cassettes?: string } {
  if (record !== undefined && target !== 'sandbox') {
    throw new UsageError('run: --record records a sandbox run; use it with --target sandbox.');
  }
  if (cassettes !== undefined && target !== 'replay') {
    throw new UsageError('run: --cassettes is for --target replay.');
  }
  if (target === 'replay' && cassettes === undefined) {
    throw new UsageError('run: --target replay needs --cassettes <dir>, a folder written by --record.');
  }
  return {
    ...(record === undefined ? {} : { record: resolve(cwd, record) }),
    ...(cassettes === undefined ? {} : { cassettes: resolve(cwd, cassettes) }),
  };
}

/** --max-burst <requests> and --max-wait <seconds>, each a positive whole number when given. */
function limitArguments(burst: string | undefined, wait: string | undefined): Partial<RunLimits> | undefined {
  const whole = (flag: string, value: string) => {
    if (!/^[1-9]\d{0,6}$/.test(value))
      throw new UsageError(`run: ${flag} takes a whole number above 0, not "${value}".`);
    return Number(value);
  };
  const limits: Partial<RunLimits> = {};
  if (burst !== undefined) limits.maxBurst = whole('--max-burst', burst);
  if (wait !== undefined) limits.maxWaitMs = whole('--max-wait', wait) * 1000;
  return Object.keys(limits).length > 0 ? limits : undefined;
}

function targetArgument(value: string): TargetName {
  if ((TARGET_NAMES as readonly string[]).includes(value)) return value as TargetName;
  throw new UsageError(
    `run: unknown --target "${value}".${didYouMean(value, TARGET_NAMES)} Use one of ${TARGET_NAMES.join(', ')}.`,
  );
}

function reporterArguments(values: string[] | undefined): ReporterName[] {
  const names = values ?? ['terminal'];
  for (const name of names) {
    if (!(REPORTERS as readonly string[]).includes(name)) {
      throw new UsageError(
        `run: unknown --reporter "${name}".${didYouMean(name, REPORTERS)} Use any of ${REPORTERS.join(', ')}.`,
      );
    }
  }
  return names as ReporterName[];
}

async function writableFolder(flag: string, dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `run: ${flag} ${dir} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? 'error'}); pick another folder.`,
    );
  }
}

/**
 * The named vendors, or all of them; for a sandbox run, the named ones or every vendor with a
 * base URL, checked against the declared-sandbox rule before anything starts.
 */
function chooseVendors(
  named: string[] | undefined,
  target: TargetName,
  config: RunConfigFile | undefined,
  env: CliIo['env'],
  allowUndeclared: boolean,
  resolveOptions: ResolveOptions,
): VendorId[] {
  const chosen =
    named && named.length > 0 ? [...new Set(named.map((id) => vendorArgument(id, '--vendor')))] : undefined;
  if (target !== 'sandbox') return chosen ?? [...vendorIds];
  return [...sandboxVendors(config ?? {}, env, chosen, allowUndeclared, resolveOptions).keys()];
}

/** --only ids, each one of the chosen vendors' checks (a misspelt id gets a suggestion). */
function onlyArguments(values: string[] | undefined, vendors: readonly VendorId[]): string[] | undefined {
  if (!values?.length) return undefined;
  const known = new Set(vendors.flatMap((id) => checklistFor(id).map((check) => check.id)));
  for (const id of values) {
    if (!known.has(id)) {
      throw new UsageError(
        `run: --only ${id} names no check of ${vendors.join(', ')}.${didYouMean(id, [...known])} "error-contracts checks" lists them.`,
      );
    }
  }
  return values;
}

/** What a run would send, check by check, and why a check would not run; nothing is sent. */
function renderDryRun(options: RunOptions, env: CliIo['env']): string {
  const lines: string[] = [];
  for (const config of deploymentsFor(options, env)) {
    lines.push(`${config.vendorId} (${options.target}, ${config.baseUrl})`);
    for (const check of describeChecks(config, {
      simulated: options.target !== 'sandbox',
      ...(options.only ? { only: options.only } : {}),
    })) {
      lines.push(`  ${check.id}`);
      if (check.notRun) lines.push(`    not run: ${check.notRun}`);
      else if (check.method)
        lines.push(
          `    ${check.method} ${check.url ?? '(unresolved)'}  as ${check.role}${check.body ? `  body ${check.body}` : ''}`,
        );
      else lines.push('    (a sequence of requests, built as it runs)');
    }
  }
  return `${lines.join('\n')}\n\nDry run: nothing was sent.\n`;
}

/** The preflight of every sandbox vendor; the exit code to stop with and why, or undefined when all pass. */
async function preflightAll(
  options: RunOptions,
  io: CliIo,
): Promise<{ exit: 2 | 3; problem: string } | undefined> {
  const vendors = sandboxVendors(
    options.config ?? {},
    options.env ?? io.env,
    options.vendors,
    options.allowUndeclaredSandbox === true,
  );
  for (const vendor of vendors.values()) {
    try {
      await preflight(vendor);
    } catch (error) {
      if (!(error instanceof PreflightError)) throw error;
      io.stderr(`error-contracts run: preflight: ${error.message}\n`);
      const exit =
        error.reason === 'unreachable' || error.reason === 'unhealthy' ? EXIT.incomplete : EXIT.usage;
      return { exit, problem: error.message };
    }
  }
  return undefined;
}

/** What the CLI's command list loads when `run` is called. */
export const command: Command = { run: runCommand, help: runHelp };
