/** Writes the report files of a run into one directory, for CI artifacts and for people. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { renderHtml } from './reporters/html.js';
import { renderJson } from './reporters/json.js';
import { renderJunit } from './reporters/junit.js';
import { renderMarkdown } from './reporters/markdown.js';
import type { RunResult } from './result.js';

/** The file each reporter writes; fixed names, so CI configuration can point at them. */
export const REPORT_FILES = {
  junit: 'junit.xml',
  json: 'results.json',
  html: 'report.html',
  markdown: 'summary.md',
} as const;

export type FileReporter = keyof typeof REPORT_FILES;
export const fileReporters = Object.keys(REPORT_FILES) as FileReporter[];

export interface WrittenReport {
  reporter: FileReporter;
  path: string;
}

const RENDERERS: Readonly<Record<FileReporter, (result: RunResult) => string>> = {
  junit: renderJunit,
  json: renderJson,
  html: renderHtml,
  markdown: renderMarkdown,
};

/**
 * Renders every requested report before writing any, so a result that fails validation leaves no
 * half-written set of files behind. Each renderer redacts credentials itself.
 */
export async function writeReports(
  result: RunResult,
  outDir: string,
  reporters: readonly FileReporter[],
): Promise<WrittenReport[]> {
  const unique = [...new Set(reporters)];
  const rendered = unique.map((reporter) => ({ reporter, content: RENDERERS[reporter](result) }));
  await mkdir(outDir, { recursive: true });
  const written: WrittenReport[] = [];
  for (const { reporter, content } of rendered) {
    const path = join(outDir, REPORT_FILES[reporter]);
    await writeFileAtomic(path, content);
    written.push({ reporter, path });
  }
  return written;
}
