import { describe, expect, it } from 'vitest';
import { checkClient } from '../../src/client-check/index.js';
import { rulesFor } from '../../src/client-check/rules.js';
import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import { isolateNetwork } from '../helpers/nock-isolation.js';
import { writeMethodOf } from '../helpers/write-method.js';
import { brokenClientFor, jitteringClient } from './clients/broken.js';
import { validCredentialValue } from './clients/credential-value.js';
import { impatientClient } from './clients/impatient.js';
import { referenceClient } from './clients/reference.js';

isolateNetwork({ strict: false });

function applicable(vendorId: VendorId) {
  return rulesFor(vendorId, { maxWaitMs: 120_000, writeMethod: writeMethodOf(vendorId) }).filter(
    (rule) => rule.notApplicable === null,
  );
}

function applicableRules(vendorId: VendorId): string[] {
  return applicable(vendorId).map((rule) => rule.id);
}

const violatedRules = (verdicts: { rule: string; outcome: string }[]) =>
  verdicts.filter((verdict) => verdict.outcome === 'violated').map((verdict) => verdict.rule);

describe('checkClient on the package reference client', () => {
  it.each(vendorIds)(
    '%s: the reference client obeys every rule that applies, but for its recorded deviations',
    async (vendorId) => {
      const result = await checkClient(vendorId, referenceClient());
      const outcomes = Object.fromEntries(result.verdicts.map((verdict) => [verdict.rule, verdict.outcome]));
      // A deliberate departure from a doc line (never following a redirect, say) is advice, no more.
      const deviations = (getVendor(vendorId).policy.referenceClientDeviations ?? []).map(
        (deviation) => deviation.rule,
      );
      const expected = Object.fromEntries(
        result.verdicts.map((verdict) => [
          verdict.rule,
          !applicableRules(vendorId).includes(verdict.rule)
            ? 'not_applicable'
            : deviations.includes(verdict.rule)
              ? 'advice'
              : 'obeyed',
        ]),
      );
      expect(outcomes).toEqual(expected);
      expect(result.passed).toBe(true);
    },
  );

  it.each(vendorIds)(
    '%s: a whole check covers tens of seconds of virtual time without sleeping through them',
    async (vendorId) => {
      const result = await checkClient(vendorId, referenceClient());
      expect(result.virtualTimeMs).toBeGreaterThan(20_000);
      // A ratio, not a wall-clock bound, so a loaded machine cannot flake it: a harness that slept
      // for real would spend at least the virtual time. CaseXchange's budget alone covers more than
      // 5 minutes of retrying.
      expect(result.virtualTimeMs).toBeGreaterThan(10 * result.wallTimeMs);
    },
  );
});

const brokenCases = vendorIds.flatMap((vendorId) =>
  applicable(vendorId).map((rule) => ({ vendorId, rule: rule.id, reading: rule.reading })),
);

describe('checkClient on clients broken one rule at a time', () => {
  it.each(brokenCases.filter((entry) => entry.reading === 'documented'))(
    '$vendorId: a client that breaks $rule violates that rule and no other',
    async ({ vendorId, rule }) => {
      const result = await checkClient(vendorId, brokenClientFor(rule, vendorId));
      expect(violatedRules(result.verdicts)).toEqual([rule]);
      expect(result.passed).toBe(false);
    },
  );

  it.each(brokenCases.filter((entry) => entry.reading === 'inferred'))(
    '$vendorId: a client that departs from the inferred $rule gets advice on it, and passes',
    async ({ vendorId, rule }) => {
      const result = await checkClient(vendorId, brokenClientFor(rule, vendorId));
      expect(violatedRules(result.verdicts)).toEqual([]);
      // Advice the reference client gets anyway, for a recorded deviation, is not this flaw's.
      const deviations = (getVendor(vendorId).policy.referenceClientDeviations ?? []).map(
        (deviation) => deviation.rule,
      );
      const advised = result.verdicts.filter(
        (verdict) => verdict.outcome === 'advice' && !deviations.includes(verdict.rule),
      );
      expect(advised.map((verdict) => verdict.rule)).toEqual([rule]);
      expect(advised[0]?.reason).toContain('an inferred reading');
      expect(result.passed).toBe(true);
    },
  );

  it('denialbase: a client that adds jitter where none is documented is not violating the schedule', async () => {
    // Denialbase documents no jitter: up to 500 ms more on every wait is a reading, not a breach.
    const result = await checkClient('denialbase', jitteringClient());
    const schedule = result.verdicts.find((verdict) => verdict.rule === 'backoff.schedule');
    expect(schedule?.outcome).toBe('advice');
    expect(result.passed).toBe(true);
  });

  it('a violated rule carries the timeline of what the client did', async () => {
    const result = await checkClient('foresight', brokenClientFor('retry_after.seconds', 'foresight'));
    const verdict = result.verdicts.find((candidate) => candidate.rule === 'retry_after.seconds');
    expect(verdict?.reason).toMatch(/too soon/);
    const kinds = verdict?.timeline.map((event) => event.kind);
    expect(kinds).toEqual(['note', 'request', 'response', 'wait', 'request', 'response', 'note']);
    expect(verdict?.timeline.find((event) => event.kind === 'wait')).toMatchObject({
      durationMs: 6,
      allowedMs: { min: 6000, max: 7000 },
    });
  });
});

describe('checkClient and secrets', () => {
  it('blanks the credential when a client rejects with an error message that contains it', async () => {
    const leaky = (context: { credentials: unknown }) => async () => {
      throw new Error(`refused, key was ${(context.credentials as { apiKey: string }).apiKey}`);
    };
    const result = await checkClient('foresight', leaky);
    const text = JSON.stringify(result);
    expect(text).toContain('refused, key was [REDACTED]');
    expect(text).not.toContain(validCredentialValue('foresight'));
  });
});

describe('checkClient and session cookies', () => {
  it('blanks a session cookie value that a client puts in its error message', async () => {
    const leaky = (context: { credentials: unknown }) => async () => {
      const cookie = (context.credentials as { cookie: string }).cookie;
      throw new Error(`session ${cookie.slice(cookie.indexOf('=') + 1)} was refused`);
    };
    const result = await checkClient('denialbase', leaky);
    const text = JSON.stringify(result);
    expect(text).toContain('session [REDACTED] was refused');
    expect(text).not.toContain(validCredentialValue('denialbase'));
  });
});

describe('checkClient input checks', () => {
  it('rejects an unknown vendor id with ERR_UNKNOWN_VENDOR', async () => {
    await expect(checkClient('acme' as VendorId, referenceClient())).rejects.toMatchObject({
      code: 'ERR_UNKNOWN_VENDOR',
    });
  });

  it('rejects a client that is not a function with ERR_INVALID_CLIENT', async () => {
    await expect(checkClient('collate', 'not a client' as never)).rejects.toMatchObject({
      code: 'ERR_INVALID_CLIENT',
    });
  });
});

describe('checkClient on a client that gives up on a held write and sends it again', () => {
  it.each(vendorIds.filter((id) => !getVendor(id).policy.idempotency.supported))(
    '%s: the abandoned copy counts, so the keyless repeat breaks write.timed_out (advice for a PUT or DELETE)',
    async (vendorId) => {
      const result = await checkClient(vendorId, impatientClient);
      const verdict = result.verdicts.find((candidate) => candidate.rule === 'write.timed_out');
      const rule = applicable(vendorId).find((candidate) => candidate.id === 'write.timed_out');
      // RFC 9110 makes PUT and DELETE idempotent, so repeating one is only against the project's reading.
      expect(verdict?.outcome).toBe(rule?.reading === 'inferred' ? 'advice' : 'violated');
      expect(verdict?.reason).toMatch(/repeated a write/);
    },
  );
});

describe('checkClient run twice at once', () => {
  it('takes its turns and leaves the process its own timers and clock', async () => {
    const [setTimeoutBefore, nowBefore] = [globalThis.setTimeout, Date.now];
    const [first, second] = vendorIds.slice(0, 2) as [VendorId, VendorId];
    const results = await Promise.all([
      checkClient(first, referenceClient()),
      checkClient(second, referenceClient()),
    ]);
    expect(results.map((result) => result.passed)).toEqual([true, true]);
    expect(globalThis.setTimeout).toBe(setTimeoutBefore);
    expect(Date.now).toBe(nowBefore);
  });
});
