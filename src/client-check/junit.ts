/**
 * A client check as JUnit XML, for CI dashboards: one testsuite per vendor, one testcase per rule
 * (classname the vendor id, name "<rule>: <title>"). A violated rule fails with its reason and the
 * timeline of what the client did; advice (a departure from an inferred reading) passes with its
 * reason as output; a rule that does not apply to the vendor is skipped, never counted as passed.
 */
import { xmlAttributes as attributes, escapeMarkup as esc } from '../report/escape.js';
import { eventLine } from './render.js';
import type { ClientCheckResult, RuleVerdict } from './types.js';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(result: ClientCheckResult, verdict: RuleVerdict): string {
  const open = `    <testcase${attributes({ classname: result.vendorId, name: `${verdict.rule}: ${verdict.title}` })}`;
  if (verdict.outcome === 'not_applicable') {
    return `${open}>\n      <skipped${attributes({ message: `not applicable: ${verdict.reason}` })}/>\n    </testcase>`;
  }
  if (verdict.outcome === 'violated') {
    const text = [verdict.reason, '', ...verdict.timeline.map(eventLine)].join('\n');
    return `${open}>\n      <failure${attributes({ message: verdict.reason, type: 'RuleViolated' })}>${esc(text)}</failure>\n    </testcase>`;
  }
  if (verdict.outcome === 'advice') {
    // A departure from an inferred reading passes, with the advice kept where CI shows output.
    return `${open}>
      <system-out>${esc(`advice: ${verdict.reason}`)}</system-out>
    </testcase>`;
  }
  return `${open}/>`;
}

export function renderClientCheckJunit(results: readonly ClientCheckResult[]): string {
  const count = (outcome: RuleVerdict['outcome'], of: readonly ClientCheckResult[]) =>
    of.reduce(
      (sum, result) => sum + result.verdicts.filter((verdict) => verdict.outcome === outcome).length,
      0,
    );
  const totals = (of: readonly ClientCheckResult[]) => ({
    tests: of.reduce((sum, result) => sum + result.verdicts.length, 0),
    failures: count('violated', of),
    errors: 0,
    skipped: count('not_applicable', of),
    time: seconds(of.reduce((sum, result) => sum + result.wallTimeMs, 0)),
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'error-contracts check-client', ...totals(results) })}>`,
    ...results.flatMap((result) => [
      `  <testsuite${attributes({ name: result.vendorName, id: result.vendorId, ...totals([result]) })}>`,
      ...result.verdicts.map((verdict) => testcase(result, verdict)),
      '  </testsuite>',
    ]),
    '</testsuites>',
    '',
  ].join('\n');
}
