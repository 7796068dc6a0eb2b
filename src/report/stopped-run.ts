/**
 * A run that stopped before judging anything (a configuration error, exit 2; a vendor that could
 * not be reached or answered 5xx, exit 3) still tells a GitHub job what happened: an `::error`
 * annotation and a job-summary section that say what to fix. Without them the job page shows a red
 * step and nothing else.
 */
import { appendFile } from 'node:fs/promises';
import { markdownCodeBlock, escapeMarkdown as md } from './escape.js';
import { OUTCOME_LABELS } from './format.js';
import { redactText } from './redact.js';
import { command } from './reporters/github.js';

export interface StoppedRun {
  /** 2: usage or configuration; 3: the run could not finish (vendor unreachable or unhealthy, a crash). */
  exit: 2 | 3;
  /** The message the CLI printed, naming the flag, member or variable at fault. */
  problem: string;
}

/** Kept free of commas and colons: an annotation title escapes them, and a reader sees the escapes. */
const HEADLINE: Readonly<Record<StoppedRun['exit'], string>> = {
  2: 'configuration error',
  3: 'the run could not finish',
};

const CONSEQUENCE: Readonly<Record<StoppedRun['exit'], string>> = {
  2: 'No check ran.',
  3: 'No check was judged.',
};

const WHAT_TO_DO: Readonly<Record<StoppedRun['exit'], string>> = {
  2: 'Fix the flag, config file member or environment variable named above, then run again. In a workflow, a variable comes from the step’s `env` (a repository secret); docs/running.md lists every setting.',
  3: 'The vendor did not answer, or answered with a server error, before any check: nothing was judged, so nothing about its conformance is known. Check the base URL and the vendor’s status, and run again later.',
};

/** The job-summary section: what stopped the run and what to fix. */
export function renderStoppedSummary(stop: StoppedRun, toolName: string): string {
  return [
    `## ${OUTCOME_LABELS.fail.symbol} ${md(toolName)}: ${HEADLINE[stop.exit]} (exit ${stop.exit})`,
    '',
    CONSEQUENCE[stop.exit],
    '',
    markdownCodeBlock(redactText(stop.problem)),
    '',
    `**What to fix:** ${WHAT_TO_DO[stop.exit]}`,
    '',
  ].join('\n');
}

/** The `::error` annotation, escaped as every workflow command is. */
export function renderStoppedAnnotation(stop: StoppedRun, toolName: string): string {
  const title = `${toolName}: ${HEADLINE[stop.exit]} (exit ${stop.exit})`;
  return `${command('error', { title }, `${CONSEQUENCE[stop.exit]} ${redactText(stop.problem)}\n${WHAT_TO_DO[stop.exit]}`)}\n`;
}

/**
 * Appends the summary section to GITHUB_STEP_SUMMARY when it is set and returns the annotation for
 * stdout; outside Actions only the annotation is returned (stdout is where a job reads it).
 */
export async function writeStoppedGithubReport(
  stop: StoppedRun,
  toolName: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string> {
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (summaryFile) await appendFile(summaryFile, `${renderStoppedSummary(stop, toolName)}\n`, 'utf8');
  return renderStoppedAnnotation(stop, toolName);
}
