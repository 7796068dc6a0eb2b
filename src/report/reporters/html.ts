/**
 * report.html: one file a person can open from a CI artifact or a laptop with nothing else. It has
 * no scripts and refers to nothing outside itself, and its Content Security Policy forbids both, so
 * even a response body that slipped past escaping could neither run nor fetch anything.
 */
import { createHash } from 'node:crypto';
import { plural } from '../../text/plural.js';
import { escapeMarkup as esc } from '../escape.js';
import {
  cellSummary,
  formatCounts,
  formatDuration,
  formatValue,
  OUTCOME_LABELS,
  targetWording,
} from '../format.js';
import { buildMatrix, type CellOutcome, type Matrix, type MatrixCell } from '../matrix.js';
import { countOutcomes } from '../outcome-counts.js';
import { CHECKLIST_PATHS } from '../paths.js';
import { redactRunResult } from '../redact.js';
import { reproducerOf } from '../reproducer.js';
import { type CheckResult, type JsonValue, OUTCOMES, type RunResult, type VendorRun } from '../result.js';
import { renderExchange } from './html/exchange.js';
import { REPORT_CSS } from './html/styles.js';
import { renderTimeline } from './html/timeline-svg.js';

const LEGEND_ORDER: readonly CellOutcome[] = [...OUTCOMES, 'empty'];

/** Anchor of a vendor's checks for one path; built from positions, so odd ids cannot break it. */
const anchor = (vendorIndex: number, pathId: string) => `v${vendorIndex}-${pathId}`;

/** Anchor of one check, by position, for the failure list at the top to link to. */
const checkAnchor = (vendorIndex: number, checkIndex: number) => `c${vendorIndex}-${checkIndex}`;

function badge(outcome: CellOutcome): string {
  return `<span class="badge o-${outcome}">${esc(OUTCOME_LABELS[outcome].word)}</span>`;
}

function cellContent(cell: MatrixCell): string {
  return esc(cellSummary(cell));
}

function matrixTable(matrix: Matrix): string {
  const head = matrix.vendors.map((vendor) => `<th scope="col">${esc(vendor.name)}</th>`).join('');
  const body = matrix.rows
    .map((row) => {
      const cells = row.cells
        .map((cell, vendorIndex) => {
          const why =
            cell.reasons.length > 0 ? `<span class="why">${esc(cell.reasons.join('; '))}</span>` : '';
          const content =
            cell.checks > 0
              ? `<a href="#${anchor(vendorIndex, row.path.id)}">${cellContent(cell)}${why}</a>`
              : cellContent(cell);
          return `<td class="o-${cell.outcome}">${content}</td>`;
        })
        .join('');
      return `<tr><th class="status">${esc(row.path.status)}</th><th scope="row">${esc(row.path.label)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="matrix"><thead><tr><th scope="col">Status</th><th scope="col">Checklist path</th>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function legend(): string {
  const items = LEGEND_ORDER.map(
    (outcome) => `<li>${badge(outcome)} ${esc(OUTCOME_LABELS[outcome].meaning)}</li>`,
  ).join('');
  return `<ul class="legend">${items}</ul>`;
}

/** Expected and actual side by side, for a failure or a drift note that states either. */
function compareBlock(note: { expected?: JsonValue; actual?: JsonValue }): string {
  if (note.expected === undefined && note.actual === undefined) return '';
  return `<div class="compare"><figure class="expected"><figcaption>Expected</figcaption><pre>${esc(
    note.expected === undefined ? '(not stated)' : formatValue(note.expected),
  )}</pre></figure><figure class="actual"><figcaption>Actual</figcaption><pre>${esc(
    note.actual === undefined ? '(not recorded)' : formatValue(note.actual),
  )}</pre></figure></div>`;
}

/** Each failed assertion, then the curl line that sends the failing request again. */
function failureBlock(vendorId: string, check: CheckResult): string {
  const failures = check.failures
    .map(
      (failure) =>
        `<div class="failure"><p class="message">${esc(failure.message)}</p>${compareBlock(failure)}</div>`,
    )
    .join('');
  const curl = check.outcome === 'fail' ? reproducerOf(vendorId, check) : undefined;
  return curl
    ? `${failures}<p class="reproduce">Reproduce:</p><pre class="reproduce">${esc(curl)}</pre>`
    : failures;
}

function checkBlock(vendorId: string, check: CheckResult, id: string): string {
  // Failures, drift and retry sequences are what a reader came for, so those start open.
  const open = check.outcome === 'fail' || check.outcome === 'drift' || (check.timeline?.length ?? 0) > 0;
  const code = check.code ? ` <code class="code">${esc(check.code)}</code>` : '';
  const facts = `${plural(check.requests, 'request')} · ${formatDuration(check.durationMs)}${
    check.simulatedWaitMs > 0 ? ` · ${formatDuration(check.simulatedWaitMs)} of waiting verified` : ''
  }`;
  const reason = check.reason ? `<p class="reason">${esc(check.reason)}</p>` : '';
  const drift =
    check.drift.length > 0
      ? `<ul class="drift-list">${check.drift
          .map(
            (note) =>
              `<li>${esc(note.message)}${note.path ? ` <code>${esc(note.path)}</code>` : ''}${compareBlock(note)}</li>`,
          )
          .join('')}</ul>`
      : '';
  const timeline = check.timeline && check.timeline.length > 0 ? renderTimeline(check.timeline) : '';
  const exchanges =
    check.exchanges.length > 0
      ? `<details class="exchanges"${check.outcome === 'fail' ? ' open' : ''}><summary>${plural(check.exchanges.length, 'exchange')} (credentials redacted)</summary>${check.exchanges.map((exchange, index) => renderExchange(exchange, index + 1)).join('')}</details>`
      : '';
  // The id is what JUnit, results.json and the config's checks.<id> overrides call the check.
  return `<article class="check o-${check.outcome}" id="${id}"><details${open ? ' open' : ''}><summary>${badge(check.outcome)} <code class="check-id">${esc(check.id)}</code> <span>${esc(
    check.title,
  )}</span>${code}<span class="facts">${esc(facts)}</span></summary><div class="body">${reason}${failureBlock(vendorId, check)}${drift}${timeline}${exchanges}</div></details></article>`;
}

/**
 * Checks of paths the vendor does not document, as one line that opens to the reasons; each path
 * keeps its anchor, so a matrix cell still leads to its reason.
 */
function notApplicableLine(vendor: VendorRun, vendorIndex: number, checks: readonly CheckResult[]): string {
  if (checks.length === 0) return '';
  const byPath = CHECKLIST_PATHS.map((path) => ({
    path,
    checks: checks.filter((check) => check.path === path.id),
  })).filter((group) => group.checks.length > 0);
  const shown = new Set(
    vendor.checks.filter((check) => check.outcome !== 'not_applicable').map((c) => c.path),
  );
  const items = byPath
    .map(({ path, checks: group }) => {
      // A path with other checks shown keeps its anchor on their heading.
      const id = shown.has(path.id) ? '' : ` id="${anchor(vendorIndex, path.id)}"`;
      const lines = group
        .map((check) => `<code class="check-id">${esc(check.id)}</code> ${esc(check.reason ?? '')}`)
        .join('<br>');
      return `<li${id}><strong>${esc(path.status)} · ${esc(path.label)}</strong>: ${lines}</li>`;
    })
    .join('');
  const labels = byPath.map(({ path }) => `${path.status} ${path.label}`).join(' · ');
  return `<details class="na-line"><summary>${badge('not_applicable')} ${esc(
    `${plural(checks.length, 'check')} not applicable: ${labels}`,
  )}</summary><ul>${items}</ul></details>`;
}

function vendorSection(vendor: VendorRun, vendorIndex: number): string {
  const ids = new Map(vendor.checks.map((check, index) => [check, checkAnchor(vendorIndex, index)]));
  const ran = vendor.checks.filter((check) => check.outcome !== 'not_applicable');
  const groups = CHECKLIST_PATHS.map((path) => {
    const checks = ran.filter((check) => check.path === path.id);
    if (checks.length === 0) return '';
    return `<h3 id="${anchor(vendorIndex, path.id)}">${esc(path.status)} · ${esc(path.label)}</h3>${checks
      .map((check) => checkBlock(vendor.id, check, ids.get(check) ?? ''))
      .join('\n')}`;
  }).join('\n');
  const notApplicable = vendor.checks.filter((check) => check.outcome === 'not_applicable');
  const base = vendor.baseUrl ? `<p class="subtitle">Base URL <code>${esc(vendor.baseUrl)}</code></p>` : '';
  return `<section class="vendor" id="vendor-${vendorIndex}"><h2>${esc(vendor.name)}</h2>${base}<p class="subtitle">${esc(formatCounts(countOutcomes(vendor.checks), OUTCOMES))}</p>\n${notApplicableLine(vendor, vendorIndex, notApplicable)}\n${groups}</section>`;
}

/** Every failed check of the run, first thing on the page, each linking to its full record below. */
function failureSummary(result: RunResult): string {
  const failed = result.vendors.flatMap((vendor, vendorIndex) =>
    vendor.checks.flatMap((check, checkIndex) =>
      check.outcome === 'fail' ? [{ vendor, check, id: checkAnchor(vendorIndex, checkIndex) }] : [],
    ),
  );
  if (failed.length === 0) return '';
  const items = failed
    .map(
      ({ vendor, check, id }) =>
        `<li><p class="what">${esc(vendor.name)} <a href="#${id}"><code class="check-id">${esc(check.id)}</code></a> ${esc(check.title)}</p>${failureBlock(vendor.id, check)}</li>`,
    )
    .join('');
  return `<section id="failures"><h2>${esc(`${plural(failed.length, 'check')} failed`)}</h2><div class="panel"><ol class="failed-checks">${items}</ol></div></section>`;
}

function figures(result: RunResult, matrix: Matrix): string {
  const checks = OUTCOMES.reduce((sum, outcome) => sum + matrix.totals[outcome], 0);
  const driftLines = result.vendors.reduce(
    (sum, vendor) => sum + vendor.checks.reduce((inner, check) => inner + check.drift.length, 0),
    0,
  );
  const wording = targetWording(result.target);
  const figure = (label: string, value: string) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
  return `<dl class="figures">${[
    figure('Checks', String(checks)),
    figure('Failed', String(matrix.totals.fail)),
    // Every drift line the page shows, whatever the outcome of the check that noted it.
    figure('Drift notes', String(driftLines)),
    figure(wording.requests, String(result.requests)),
    figure('Wall time', formatDuration(result.wallTimeMs)),
    figure(
      wording.waiting.replace(/^./, (first) => first.toUpperCase()),
      formatDuration(result.simulatedWaitMs),
    ),
  ].join('')}</dl>`;
}

/** A narrowed run says so, since the matrix leaves out the rows its checks do not cover. */
function onlyLine(result: RunResult): string {
  if (!result.only) return '';
  return `<p class="subtitle">Only ${result.only.map((id) => `<code>${esc(id)}</code>`).join(', ')} (--only)</p>\n`;
}

/** The whole report as one HTML document. Credentials are redacted first, as in every reporter. */
export function renderHtml(raw: RunResult): string {
  const result = redactRunResult(raw);
  const matrix = buildMatrix(result);
  const styleHash = createHash('sha256').update(REPORT_CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const title = `${result.tool.name} report · target ${result.target} · ${result.startedAt}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>Error contract conformance</h1>
<p class="subtitle">Target <strong>${esc(result.target)}</strong> · started ${esc(result.startedAt)} · finished ${esc(
    result.finishedAt,
  )} · ${esc(result.tool.name)} ${esc(result.tool.version)}</p>
<p class="subtitle">${esc(formatCounts(matrix.totals, OUTCOMES))}</p>
${onlyLine(result)}${figures(result, matrix)}
</header>
<main>
${failureSummary(result)}
<section id="matrix"><h2>Vendors by checklist path</h2><div class="panel">${matrixTable(matrix)}${legend()}</div></section>
${result.vendors.map(vendorSection).join('\n')}
</main>
<footer>Times of requests and waits inside a check are on the virtual clock the check ran under; wall time is real. Credentials in headers, bodies and URLs are replaced by [REDACTED].</footer>
</body>
</html>
`;
}
