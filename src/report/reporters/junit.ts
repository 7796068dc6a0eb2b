/**
 * JUnit XML for CI systems: one testsuite per vendor, one testcase per check (classname the vendor
 * id, name "<check id>: <title>"). Drift passes with a
 * warning in system-out; checks that did not run are skipped with their reason, so a CI dashboard
 * never counts them as passed.
 */
import { xmlAttributes as attributes, escapeMarkup as esc } from '../escape.js';
import { noteValueLines } from '../format.js';
import { countOutcomes } from '../outcome-counts.js';
import { redactRunResult } from '../redact.js';
import { reproducerOf } from '../reproducer.js';
import type { CheckResult, RunResult, VendorRun } from '../result.js';

/** Response bodies in failure text are cut shorter than in the HTML report: CI logs are read in a terminal. */
const FAILURE_BODY_LIMIT = 2000;

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function failureText(vendorId: string, check: CheckResult): string {
  const lines: string[] = [];
  for (const failure of check.failures) lines.push(failure.message, ...noteValueLines(failure, '  '));
  const curl = reproducerOf(vendorId, check);
  if (curl) lines.push('', `reproduce: ${curl}`);
  for (const exchange of check.exchanges) {
    lines.push('', `> ${exchange.request.method} ${exchange.request.url}`);
    if (exchange.response) {
      lines.push(`< ${exchange.response.status}`);
      const body = exchange.response.body?.text;
      if (body) lines.push(body.length > FAILURE_BODY_LIMIT ? `${body.slice(0, FAILURE_BODY_LIMIT)}…` : body);
    } else if (exchange.error) {
      lines.push(`< no response: ${exchange.error}`);
    }
  }
  return lines.join('\n');
}

function testcase(vendor: VendorRun, check: CheckResult): string {
  // The class is the vendor and the name starts with the check id, so a failing test case in a CI
  // dashboard leads straight to the check in results.json and to its entry under `checks` in the
  // sandbox config.
  const open = `    <testcase${attributes({ classname: vendor.id, name: `${check.id}: ${check.title}`, time: seconds(check.durationMs) })}`;
  const children: string[] = [];
  if (check.outcome === 'not_applicable' || check.outcome === 'skipped') {
    const prefix = check.outcome === 'not_applicable' ? 'not applicable' : 'skipped';
    children.push(`      <skipped${attributes({ message: `${prefix}: ${check.reason}` })}/>`);
  }
  if (check.outcome === 'fail') {
    const [first] = check.failures;
    const message =
      check.failures.length > 1
        ? `${first?.message} (and ${check.failures.length - 1} more)`
        : first?.message;
    children.push(
      `      <failure${attributes({ message: message ?? 'failed', type: 'ContractViolation' })}>${esc(failureText(vendor.id, check))}</failure>`,
    );
  }
  if (check.drift.length > 0) {
    const warnings = check.drift.flatMap((note) => [
      `drift warning: ${note.message}${note.path ? ` at ${note.path}` : ''}`,
      ...noteValueLines(note, '  '),
    ]);
    children.push(`      <system-out>${esc(warnings.join('\n'))}</system-out>`);
  }
  return children.length === 0 ? `${open}/>` : `${open}>\n${children.join('\n')}\n    </testcase>`;
}

function testsuite(vendor: VendorRun, result: RunResult): string {
  const counts = countOutcomes(vendor.checks);
  const time = vendor.checks.reduce((sum, check) => sum + check.durationMs, 0);
  const properties = [
    `      <property${attributes({ name: 'vendor', value: vendor.id })}/>`,
    `      <property${attributes({ name: 'target', value: result.target })}/>`,
    ...(vendor.baseUrl ? [`      <property${attributes({ name: 'baseUrl', value: vendor.baseUrl })}/>`] : []),
  ];
  return [
    `  <testsuite${attributes({
      name: vendor.name,
      id: vendor.id,
      tests: vendor.checks.length,
      failures: counts.fail,
      errors: 0,
      skipped: counts.skipped + counts.not_applicable,
      time: seconds(time),
      timestamp: result.startedAt,
    })}>`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...vendor.checks.map((check) => testcase(vendor, check)),
    '  </testsuite>',
  ].join('\n');
}

/** The whole run as a JUnit XML document. Credentials are redacted first, as in every reporter. */
export function renderJunit(raw: RunResult): string {
  const result = redactRunResult(raw);
  const counts = countOutcomes(result.vendors.flatMap((vendor) => vendor.checks));
  const tests = result.vendors.reduce((sum, vendor) => sum + vendor.checks.length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({
      name: `${result.tool.name} (target ${result.target})`,
      tests,
      failures: counts.fail,
      errors: 0,
      skipped: counts.skipped + counts.not_applicable,
      time: seconds(result.wallTimeMs),
      timestamp: result.startedAt,
    })}>`,
    ...result.vendors.map((vendor) => testsuite(vendor, result)),
    '</testsuites>',
    '',
  ].join('\n');
}
