/**
 * The github reporter's side effects, apart from rendering: the Markdown summary appended to the
 * file GITHUB_STEP_SUMMARY names, and the step outputs appended to the file GITHUB_OUTPUT names.
 * Both files are appended to, never replaced: other steps of the job write to them too.
 */
import { appendFile } from 'node:fs/promises';
import { formatGithubOutputs, renderAnnotations, runOutputs } from './reporters/github.js';
import { renderMarkdown } from './reporters/markdown.js';
import type { RunResult } from './result.js';
import type { WrittenReport } from './write-reports.js';

export interface GithubReport {
  /** Workflow commands for stdout, one annotation a line. */
  annotations: string;
  /** What could not be written, for stderr. */
  notes: string[];
}

export async function writeGithubReport(
  result: RunResult,
  written: readonly WrittenReport[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<GithubReport> {
  const notes: string[] = [];
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    await appendFile(summaryFile, `${renderMarkdown(result)}\n`, 'utf8');
  } else {
    notes.push(
      'GITHUB_STEP_SUMMARY is not set (not in GitHub Actions?), so no job summary was written; --reporter markdown writes it to summary.md.',
    );
  }
  const outputFile = env.GITHUB_OUTPUT;
  if (outputFile) {
    const paths = Object.fromEntries(written.map((report) => [report.reporter, report.path]));
    await appendFile(outputFile, formatGithubOutputs(runOutputs(result, paths)), 'utf8');
  }
  return { annotations: renderAnnotations(result), notes };
}
