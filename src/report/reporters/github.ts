/**
 * GitHub Actions output: one `::error` workflow command per failed check and one `::warning` per
 * drift note (the runner shows them as annotations on the run and the pull request), and the step
 * outputs a workflow reads afterwards (counts and report paths) in GITHUB_OUTPUT's format.
 *
 * Workflow commands are read line by line from the job log, so everything in them is escaped the
 * way the runner unescapes it; a value that could end a command early would let a response body
 * write commands of its own.
 */
import { randomBytes } from 'node:crypto';
import { ErrorContractsError } from '../../errors.js';
import { singleLine, withVisibleControls } from '../../text/single-line.js';
import { formatValue, noteValueLines } from '../format.js';
import { redactRunResult } from '../redact.js';
import { reproducerOf } from '../reproducer.js';
import { OUTCOMES, type RunResult } from '../result.js';

/** A command's message: `%`, CR and LF are the characters the runner unescapes. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, plus `:` and `,`, which end a property. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command; control characters other than the message's own line breaks are shown escaped. */
export function command(
  name: 'error' | 'warning',
  properties: Record<string, string>,
  message: string,
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeCommandProperty(singleLine(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeCommandData(withVisibleControls(message))}`;
}

/** An annotation's text is a few lines in a box; long values are cut there and kept whole in the reports. */
const ANNOTATION_VALUE_LIMIT = 400;

function shortValue(value: Parameters<typeof formatValue>[0]): string {
  const text = formatValue(value);
  return text.length > ANNOTATION_VALUE_LIMIT ? `${text.slice(0, ANNOTATION_VALUE_LIMIT)}…` : text;
}

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job), and drops
 * the rest without a word: "10 warning annotations, 10 error annotations, and 10 notice
 * annotations per step" (actions/toolkit, docs/problem-matchers.md, "Limitations",
 * https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations). Past that,
 * the last annotation of each kind says how many more there are in the job summary.
 */
export const ANNOTATIONS_PER_KIND = 10;

/** Keeps the first annotations of a kind within the limit; the last slot counts the rest. */
function capped(kind: 'error' | 'warning', all: string[], what: (count: number) => string): string[] {
  if (all.length <= ANNOTATIONS_PER_KIND) return all;
  const shown = all.slice(0, ANNOTATIONS_PER_KIND - 1);
  const more = all.length - shown.length;
  return [
    ...shown,
    command(
      kind,
      { title: `${what(more)} in the job summary` },
      `${what(more)}: the job summary and the reports list every one.`,
    ),
  ];
}

/**
 * Every annotation of a run, one per line, ready for stdout. The title names the vendor and the
 * check id, so an annotation leads to the same check in results.json, junit.xml and the config.
 * Credentials are redacted first, as in every reporter.
 */
export function renderAnnotations(raw: RunResult): string {
  const result = redactRunResult(raw);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const vendor of result.vendors) {
    for (const check of vendor.checks) {
      if (check.outcome === 'fail') {
        const message = [check.title];
        for (const failure of check.failures)
          message.push(failure.message, ...noteValueLines(failure, '  ', shortValue));
        const curl = reproducerOf(vendor.id, check);
        if (curl) message.push(`reproduce: ${shortValue(curl)}`);
        errors.push(command('error', { title: `${vendor.name} › ${check.id}` }, message.join('\n')));
      }
      for (const note of check.drift) {
        warnings.push(
          command(
            'warning',
            { title: `${vendor.name} › ${check.id} (drift)` },
            [
              `${note.message}${note.path ? ` at ${note.path}` : ''}`,
              ...noteValueLines(note, '  ', shortValue),
            ].join('\n'),
          ),
        );
      }
    }
  }
  const lines = [
    ...capped('error', errors, (count) => `${count} more failed ${count === 1 ? 'check' : 'checks'}`),
    ...capped('warning', warnings, (count) => `${count} more drift ${count === 1 ? 'note' : 'notes'}`),
  ];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The step outputs of a run: each outcome's count, the checks in all, and each written report's path. */
export function runOutputs(
  result: RunResult,
  reports: Readonly<Record<string, string>>,
): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const outcome of OUTCOMES) outputs[outcome] = String(result.totals[outcome]);
  outputs.checks = String(OUTCOMES.reduce((sum, outcome) => sum + result.totals[outcome], 0));
  outputs.outcome = result.totals.fail > 0 ? 'fail' : result.totals.drift > 0 ? 'drift' : 'pass';
  for (const [reporter, path] of Object.entries(reports)) outputs[`${reporter}-path`] = path;
  return outputs;
}

/**
 * Outputs in GITHUB_OUTPUT's multi-line form (`name<<DELIMITER`, the value, `DELIMITER`), which
 * carries any value, newlines included. The delimiter is random and checked against the value, as
 * the runner's own toolkit does, so a value cannot end its entry and start another.
 */
export function formatGithubOutputs(
  outputs: Readonly<Record<string, string>>,
  delimiter: () => string = () => `ghadelimiter_${randomBytes(16).toString('hex')}`,
): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      const end = delimiter();
      if (name.includes(end) || value.includes(end)) {
        throw new ErrorContractsError(
          'ERR_INTERNAL',
          `the output ${name} contains its own delimiter; refusing to write it`,
        );
      }
      return `${name}<<${end}\n${value}\n${end}\n`;
    })
    .join('');
}
