import { describe, expect, it } from 'vitest';
import { loadVendors } from '../../scripts/codegen/load-vendors.js';
import type { SequenceRun } from '../../src/client-check/observation.js';
import { rulesFor } from '../../src/client-check/rules.js';
import { planSequences } from '../../src/client-check/sequences.js';
import { judge } from '../../src/conformance/assertions.js';
import { checklistFor, type ScenarioCheck } from '../../src/conformance/index.js';
import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import { schemasDir } from '../helpers/paths.js';
import { envelopeWithCode } from '../helpers/vendor-bodies.js';
import { readVendorDoc, vendorDocsDeclaredAbsent } from '../helpers/vendor-docs.js';
import { writeMethodOf } from '../helpers/write-method.js';

/**
 * Every fact marked documented, wherever it lives (a catalog entry, a policy value the conformance
 * checks judge by, a client-check rule, a deviation of the reference client), carries the doc line
 * it rests on, and that line is in the vendor's page. Table cells may be quoted joined by " | " and
 * quote marks may differ, since text exports drop the one and vary the other.
 */

/** Text with table separators, quote marks and runs of white space removed, for comparing quotes. */
function comparable(text: string): string {
  return text
    .replace(/["'’‘“”`]/g, '')
    .replace(/\s*\|\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Claim {
  where: string;
  quote: string | undefined;
}

/** Every documented fact of one vendor with the quote it carries (undefined when it carries none). */
function documentedClaims(vendorId: VendorId): Claim[] {
  const { catalog, policy } = getVendor(vendorId);
  const claims: Claim[] = [];
  const add = (where: string, documented: boolean, quote: string | undefined) => {
    if (documented) claims.push({ where, quote });
  };
  for (const entry of catalog) {
    const { source } = entry;
    add(
      `catalog ${entry.code}`,
      source.code === 'documented' || source.status === 'documented',
      source.quote,
    );
  }
  for (const row of policy.statuses) add(`statuses ${row.status}`, row.source === 'documented', row.quote);
  const { retry, rateLimit, idempotency, requestId, payloadLimit } = policy;
  add('retry.maxAttempts', retry.maxAttemptsSource === 'documented', retry.maxAttemptsQuote);
  add('retry.delays', retry.delaysSource !== 'inferred', retry.delaysQuote);
  if (retry.jitterMs) add('retry.jitterMs', retry.jitterMs.source === 'documented', retry.jitterMs.quote);
  if (rateLimit.resetHeader)
    add('rateLimit.resetHeader', rateLimit.resetHeader.source === 'documented', rateLimit.resetHeader.quote);
  if (idempotency.supported) {
    add('idempotency.header', idempotency.headerSource === 'documented', idempotency.headerQuote);
    add('idempotency.replay', idempotency.replaySource === 'documented', idempotency.replayQuote);
  }
  for (const name of ['mismatch', 'inFlight'] as const) {
    const answer = idempotency[name];
    if (answer) add(`idempotency.${name}`, answer.source === 'documented', answer.quote);
  }
  add('requestId', requestId.promised, requestId.quote);
  if (payloadLimit) add('payloadLimit', payloadLimit.source === 'documented', payloadLimit.quote);
  for (const [rule, basis] of Object.entries(policy.clientRules ?? {}))
    add(`clientRules ${rule}`, true, basis?.quote);
  for (const [index, deviation] of (policy.referenceClientDeviations ?? []).entries())
    add(`referenceClientDeviations ${index}`, true, deviation.quote);
  // A scenario's promises and each further way a code comes back cite their doc line too.
  for (const check of checklistFor(vendorId)) {
    if (check.kind !== 'scenario' && check.kind !== 'status') continue;
    const { scenario } = check;
    for (const promise of scenario.promises ?? []) add(`${check.id} promise`, true, promise.quote);
    if ('quote' in scenario && typeof scenario.quote === 'string') add(check.id, true, scenario.quote);
  }
  return claims;
}

const docsFile = new Map(loadVendors(schemasDir).map((vendor) => [vendor.id, vendor.docsFile]));

describe.skipIf(vendorDocsDeclaredAbsent())('doc quotes', () => {
  it.each(vendorIds)('%s: every documented fact carries a quote found verbatim in its doc', (vendorId) => {
    const file = docsFile.get(vendorId);
    if (!file) throw new Error(`${vendorId} names no docs file`);
    const doc = comparable(readVendorDoc(file));
    const claims = documentedClaims(vendorId);
    expect(claims.length).toBeGreaterThan(0);
    const problems = claims.flatMap(({ where, quote }) =>
      quote === undefined
        ? [`${where}: documented, but quotes nothing`]
        : doc.includes(comparable(quote))
          ? []
          : [`${where}: "${quote}" is not in the doc`],
    );
    expect(problems).toEqual([]);
  });

  it('the comparison ignores separators and quote marks, and nothing else', () => {
    expect(comparable('409 | version_conflict | Re-read it.')).toBe(
      comparable('409version_conflictRe-read it.'),
    );
    expect(comparable('Don’t retry')).toBe(comparable("Don't retry"));
    expect(comparable('Do not retry')).not.toBe(comparable('Do retry'));
  });
});

describe('nothing marked inferred can fail a vendor or violate a client', () => {
  const scenarioChecks = (vendorId: VendorId) =>
    checklistFor(vendorId).filter((check): check is ScenarioCheck => check.kind === 'scenario');

  const inferredStatuses = vendorIds.flatMap((vendorId) =>
    scenarioChecks(vendorId)
      .filter((check) => {
        const entry = getVendor(vendorId).catalog.find((candidate) => candidate.code === check.code);
        // A scenario that cites a doc line for its status (a status-table row) makes it a promise.
        const promised = check.scenario.promises?.some((promise) => promise.kind === 'status') ?? false;
        return entry?.surface === 'api' && entry.source.status === 'inferred' && !promised;
      })
      .map((check) => ({ vendorId, check })),
  );

  it.each(inferredStatuses.map(({ vendorId, check }) => [vendorId, check.id, check] as const))(
    '%s %s: an unforeseen status for an inferred one is drift, never a failure',
    (vendorId, _id, check) => {
      const body = envelopeWithCode(vendorId, check.code, false);
      // The headers the code documents come along: only the status departs from the reading.
      const documentedHeaders = Object.fromEntries(
        (getVendor(vendorId).catalog.find((entry) => entry.code === check.code)?.headers ?? []).map(
          (name) => [name.toLowerCase(), '1'],
        ),
      );
      const result = judge(vendorId, check, {
        status: 418,
        headers: { 'content-type': 'application/json', ...documentedHeaders },
        body: JSON.stringify(body),
      });
      expect(result.failures).toEqual([]);
      expect(result.drift.length).toBeGreaterThan(0);
    },
  );

  /** A client that does everything at once: twenty calls, no waits, no keys, no refresh. */
  function recklessRun(plan: SequenceRun['plan']): SequenceRun {
    const events = Array.from({ length: 20 }, () => ({
      kind: 'api' as const,
      method: plan.call === 'read' ? 'GET' : 'POST',
      target: '/',
      headers: {},
      body: '',
      receivedAt: 0,
      answeredAt: 0,
      status: 503,
      code: null,
    }));
    return { plan, startedAt: 0, endedAt: 0, events, end: { kind: 'abandoned', reason: 'limit' } };
  }

  it.each(vendorIds)('%s: a client rule without a doc line gives advice at worst', (vendorId) => {
    const plans = planSequences(vendorId);
    const writeMethod = writeMethodOf(vendorId);
    const rules = rulesFor(vendorId, { maxWaitMs: 120_000, writeMethod });
    const inferred = rules.filter((rule) => rule.quote === null && rule.notApplicable === null);
    expect(inferred.length).toBeGreaterThan(0);
    for (const rule of inferred) {
      const judgement = rule.judge((id) => {
        const plan = plans.get(id);
        if (!plan) throw new Error(`no sequence ${id}`);
        return recklessRun(plan);
      });
      expect(judgement.outcome, `${rule.id}: ${judgement.reason}`).not.toBe('violated');
    }
  });

  it.each(vendorIds)(
    '%s: a client rule with a doc line is documented, and one without is a reading',
    (vendorId) => {
      const quoted = getVendor(vendorId).policy.clientRules ?? {};
      const writeMethod = writeMethodOf(vendorId);
      for (const rule of rulesFor(vendorId, { maxWaitMs: 120_000, writeMethod })) {
        expect(rule.quote, rule.id).toBe(quoted[rule.id]?.quote ?? null);
        expect(rule.reading, rule.id).toBe(rule.quote === null ? 'inferred' : 'documented');
      }
    },
  );
});
