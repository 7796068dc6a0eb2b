/**
 * Issue 16's "done when", second dialect: every vendor's full checklist against dialect B
 * (test/independent/dialect-b: other routes, methods, bodies, integer ids, no list endpoints, a
 * small quota, bodies judged as they arrive), reached only through the config its user writes
 * from its API references (test/independent/dialect-b-config.ts), on the sandbox code path. A
 * clean run fails nothing and skips nothing for want of configuration; each seeded one-rule bug
 * fails the check of the rule it breaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../src/conformance/checklist.js';
import { runCheck } from '../src/conformance/execute.js';
import type { CheckResult } from '../src/report/result.js';
import { parseRunConfig, resolveSandboxConfig } from '../src/runner/config/sandbox-config.js';
import { createHttpTarget } from '../src/runner/targets/http-target.js';
import { advancingClock } from '../src/runner/targets/simulator-side.js';
import { VirtualClock } from '../src/time/clock.js';
import { type VendorId, vendorIds } from '../src/vendors/registry.js';
import { CASEXCHANGE_BUGS } from '../test/independent/dialect-b/casexchange/bugs.js';
import { CLAIMREV_BUGS } from '../test/independent/dialect-b/claimrev/bugs.js';
import { COLLATE_BUGS } from '../test/independent/dialect-b/collate/bugs.js';
import { DENIALBASE_BUGS } from '../test/independent/dialect-b/denialbase/bugs.js';
import { FORESIGHT_BUGS } from '../test/independent/dialect-b/foresight/bugs.js';
import { startDialectB } from '../test/independent/dialect-b/index.js';
import { dialectBConfigFor } from '../test/independent/dialect-b-config.js';

/** One vendor's whole checklist against a fresh start of dialect B, on a virtual clock. */
async function runAgainstDialectB(vendorId: VendorId, bugs: readonly string[] = []): Promise<CheckResult[]> {
  const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00Z'));
  const dialect = await startDialectB({ vendors: [vendorId], bugs, now: () => clock.now() });
  try {
    const directory = dialect.directory[vendorId];
    if (!directory) throw new Error(`dialect B did not start ${vendorId}`);
    const config = { vendors: { [vendorId]: await dialectBConfigFor(vendorId, directory) } };
    // Exactly what a config file would hold, through the same parser and resolution.
    const file = parseRunConfig(JSON.parse(JSON.stringify(config)), 'dialect B');
    const target = createHttpTarget({
      vendors: resolveSandboxConfig(file, {}),
      clock: advancingClock(clock),
    });
    const timed = { now: () => clock.now(), sleep: (ms: number) => clock.sleep(ms) };
    const results: CheckResult[] = [];
    for (const check of checklistFor(vendorId)) {
      results.push(await runCheck(vendorId, target, check, timed));
    }
    return results;
  } finally {
    await dialect.close();
  }
}

/** Each failure as `check: message`. */
const failures = (results: readonly CheckResult[]) =>
  results.flatMap((result) => result.failures.map((failure) => `${result.id}: ${failure.message}`));

const clean = new Map<VendorId, CheckResult[]>();
beforeAll(async () => {
  for (const vendorId of vendorIds) clean.set(vendorId, await runAgainstDialectB(vendorId));
}, 240_000);
afterAll(() => clean.clear());

describe('dialect B, configured only through the config its user writes from its references', () => {
  it.each(vendorIds)(
    '%s: every check runs; none is held back for want of a fact, an operation or a credential',
    (vendorId) => {
      const unbound = (clean.get(vendorId) ?? []).filter(
        (result) =>
          result.outcome === 'skipped' &&
          /facts\.|operations\.|No credential configured/.test(result.reason ?? ''),
      );
      expect(unbound.map((result) => `${result.id}: ${result.reason}`)).toEqual([]);
    },
  );

  it.each(vendorIds)('%s: fails nothing, and every provoking request provoked its error', (vendorId) => {
    expect(failures(clean.get(vendorId) ?? [])).toEqual([]);
  });

  it('runs the documented server errors through the failing records its references name', () => {
    const ran = (vendorId: VendorId, id: string) =>
      (clean.get(vendorId) ?? []).find((result) => result.id === id)?.outcome;
    expect(ran('claimrev', 'status.500.1')).toBe('pass');
    expect(ran('collate', 'code.workflow_backend_unavailable')).not.toBe('skipped');
    expect(ran('casexchange', 'code.internal_error')).not.toBe('skipped');
    expect(ran('denialbase', 'code.internal_error')).not.toBe('skipped');
  });
});

/**
 * Every seeded bug of dialect B, and the check of the rule it breaks (by the bug tables in the
 * vendor references). `uncaught` says why no check can, or may, catch the bug on a sandbox.
 */
interface Catch {
  check: RegExp;
  uncaught?: string;
}
const CAUGHT_BY: Record<string, Catch> = {
  'claimrev.malformed-token-accepted': { check: /^status\.401\.3$/ },
  'claimrev.other-environment-token-accepted': { check: /^status\.401\.4$/ },
  'claimrev.token-expires-in-not-an-hour': { check: /^sequence\.token_lifetime$/ },
  'claimrev.expired-token-accepted': { check: /^status\.401\.1$/ },
  'claimrev.unbound-account-not-found': { check: /^status\.403\.2$/ },
  'claimrev.missing-permission-unauthorized': { check: /^status\.403\.1$/ },
  // The doc's words are "generally" and "usually": a reading, so no check may fail a 400 without it.
  'claimrev.validation-names-no-field': {
    check: /^status\.400\.1$/,
    uncaught:
      'a 400 body naming the field is what ClaimRev "generally" does, not a promise a check may hold it to',
  },
  'claimrev.wrong-secret-invalid-grant': { check: /^code\.invalid_client$/ },
  'claimrev.wrong-scope-accepted': { check: /^code\.invalid_scope$/ },
  'casexchange.missing-key-forbidden': { check: /^code\.invalid_api_key\.missing_key$/ },
  'casexchange.malformed-uuid-accepted': { check: /^code\.validation_error\.malformed_uuid$/ },
  'casexchange.malformed-date-server-error': { check: /^code\.validation_error\.malformed_date$/ },
  'casexchange.rate-limit-no-reset': { check: /^sequence\.rate_limit_wait$/ },
  'casexchange.rate-limit-no-request-id': { check: /^sequence\.rate_limit_wait$/ },
  'casexchange.read-only-write-permission-denied': { check: /^code\.insufficient_tier$/ },
  'casexchange.revoked-key-accepted': { check: /^code\.invalid_api_key$/ },
  'casexchange.state-transition-conflict': { check: /^code\.invalid_state_transition$/ },
  'casexchange.duplicate-referral-accepted': { check: /^code\.conflict$/ },
  'collate.validation-without-issues': { check: /^code\.request_validation_failed$/ },
  'collate.invalid-answers-without-issues': { check: /^code\.invalid_answers$/ },
  'collate.envelope-without-request-id': { check: /^code\./ },
  'collate.review-stale-as-400': { check: /^code\.review_stale$/ },
  'collate.replay-creates-second-authorization': { check: /^sequence\.idempotency_replay$/ },
  'collate.malformed-if-match-ignored': { check: /^code\.bad_request$/ },
  'collate.terminal-as-not-mutable': { check: /^code\.prior_authorization_terminal$/ },
  'collate.read-only-key-unauthorized': { check: /^code\.insufficient_permissions$/ },
  'collate.payload-too-large-as-400': { check: /^code\.payload_too_large$/ },
  'collate.backend-unavailable-as-500': { check: /^code\.workflow_backend_unavailable$/ },
  'collate.envelope-without-retryable': { check: /^code\./ },
  'denialbase.validation-empty-details': { check: /^code\.validation_failed$/ },
  'denialbase.rate-limit-no-retry-after': { check: /^sequence\.rate_limit_wait$/ },
  'denialbase.rate-limit-no-request-id': { check: /^sequence\.rate_limit_wait$/ },
  'denialbase.two-factor-unauthorized': { check: /^code\.two_factor_required$/ },
  'denialbase.retry-processed-again': { check: /^sequence\.idempotency_replay$/ },
  'denialbase.file-too-large-unprocessable': { check: /^code\.file_too_large$/ },
  'denialbase.signed-out-session-accepted': { check: /^code\.not_authenticated\.signed_out$/ },
  'denialbase.stale-update-overwrites': { check: /^code\.conflict$/ },
  'denialbase.virus-accepted': { check: /^code\.virus_detected$/ },
  'foresight.missing-field-no-param': { check: /^code\.missing_required_field$/ },
  'foresight.forbidden-scope-unauthorized': { check: /^code\.forbidden_scope$/ },
  'foresight.rate-limit-no-retry-after': { check: /^sequence\.rate_limit_wait$/ },
  'foresight.rate-limit-no-request-id': { check: /^sequence\.rate_limit_wait$/ },
  'foresight.expired-key-invalid': { check: /^code\.expired_api_key$/ },
  // Its checks come late in the run, past the key's quota: judged once a 429 is waited out.
  'foresight.mismatched-body-replayed': {
    check: /^(code\.idempotency_key_mismatched_body|sequence\.idempotency_mismatch)$/,
  },
  'foresight.in-flight-key-processed': {
    check: /^code\.idempotency_key_in_use$/,
    uncaught:
      'holding a write in flight needs the simulator; a sandbox run skips code.idempotency_key_in_use',
  },
  'foresight.deleted-as-not-found': { check: /^code\.resource_deleted$/ },
  'foresight.fractional-cents-type-error': { check: /^code\.invalid_currency_amount$/ },
};

const REGISTRY: readonly string[] = [
  ...CLAIMREV_BUGS,
  ...COLLATE_BUGS,
  ...CASEXCHANGE_BUGS,
  ...FORESIGHT_BUGS,
  ...DENIALBASE_BUGS,
].map((bug) => bug.id);

describe('each seeded bug of dialect B', () => {
  it('has a row in the catch table, and the table names no other bug', () => {
    expect(Object.keys(CAUGHT_BY).sort()).toEqual([...REGISTRY].sort());
  });

  for (const bug of REGISTRY.filter((id) => CAUGHT_BY[id]?.uncaught === undefined)) {
    const caught = CAUGHT_BY[bug] as Catch;
    it(`${bug} fails the check of the rule it breaks`, async () => {
      const vendorId = bug.split('.')[0] as VendorId;
      const before = new Set(failures(clean.get(vendorId) ?? []));
      const added = failures(await runAgainstDialectB(vendorId, [bug])).filter(
        (failure) => !before.has(failure),
      );
      const checks = added.map((failure) => failure.slice(0, failure.indexOf(':')));
      expect(
        checks.filter((id) => caught.check.test(id)),
        added.join('\n'),
      ).not.toEqual([]);
    }, 120_000);
  }

  it('names the bugs no sandbox check can reach, and why', () => {
    const uncaught = REGISTRY.filter((bug) => CAUGHT_BY[bug]?.uncaught !== undefined);
    expect(uncaught.sort()).toEqual([
      'claimrev.validation-names-no-field',
      'foresight.in-flight-key-processed',
    ]);
  });
});
