import type { CheckResult, Exchange } from '../report/result.js';
import { MissingFactError, resolveScenario } from '../scenarios/resolve.js';
import { type HttpAnswer, runScenario, urlOf } from '../scenarios/runner.js';
import type { ResolvedRequest, Scenario } from '../scenarios/types.js';
import type { Clock } from '../time/clock.js';
import type { VendorId } from '../vendors/registry.js';
import { judge, judgeStatus, type Verdict } from './assertions.js';
import { checklistFor } from './checklist.js';
import { credentialSecrets } from './credential-secrets.js';
import { notProvoked } from './not-provoked.js';
import { type PacingWait, pacedSend, RateLimitedBeyondWaitError } from './pacing.js';
import { redactCheck as redact } from './redact-check.js';
import { runSequenceCheck } from './sequences/index.js';
import type { ConformanceTarget, PlannedCheck, ScenarioCheck, StatusCheck } from './types.js';

export interface RunChecklistOptions {
  /** The clock the target runs on; exchange times are read from it (virtual under the simulator). */
  clock: Clock;
  /** Run only these checks (by id); every check when absent. */
  only?: readonly string[];
}

/** Runs a vendor's whole checklist in order, one check at a time (checks share the vendor's state). */
export async function runChecklist(
  vendorId: VendorId,
  target: ConformanceTarget,
  options: RunChecklistOptions,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checklistFor(vendorId)) {
    if (options.only && !options.only.includes(check.id)) continue;
    results.push(await runCheck(vendorId, target, check, options.clock));
  }
  return results;
}

export async function runCheck(
  vendorId: VendorId,
  target: ConformanceTarget,
  planned: PlannedCheck,
  clock: Clock,
): Promise<CheckResult> {
  const check = target.prepare ? target.prepare(vendorId, planned) : planned;
  if (check.kind === 'sequence') return runSequenceCheck(vendorId, target, check);
  const base = { id: check.id, path: check.path, title: check.title, failures: [], drift: [], exchanges: [] };
  if (check.kind !== 'scenario' && check.kind !== 'status') {
    return {
      ...base,
      outcome: check.kind,
      reason: check.reason,
      requests: 0,
      simulatedWaitMs: 0,
      durationMs: 0,
    };
  }
  const started = performance.now();
  const startedAt = clock.now();
  await target.beforeCheck?.(vendorId, check);
  const baseUrl = target.baseUrl(vendorId);
  // Asked when the result is recorded, not before: the check may have been issued a token since.
  const record = (result: CheckResult) =>
    redact(vendorId, baseUrl, result, credentialSecrets(target.credentials(vendorId)));
  const common = {
    ...base,
    ...(check.kind === 'scenario' ? { code: check.code } : {}),
    requests: requestsOf(check.scenario),
    simulatedWaitMs: 0,
  };
  let scenario: Omit<Scenario<ResolvedRequest>, 'code'>;
  try {
    scenario = resolveScenario(target.credentials(vendorId), check.scenario);
  } catch (error) {
    // A target's prepare() skips such a check first; this guards a target without one.
    if (!(error instanceof MissingFactError)) throw error;
    return { ...common, requests: 0, outcome: 'skipped', reason: error.message, durationMs: 0 };
  }
  // The vendor's documented rate limit is waited out and the request sent again (pacing.ts); the
  // waits are the check's simulated waiting, and its reason says what was waited for.
  const waits: (PacingWait & { atMs: number })[] = [];
  const send = pacedSend({
    vendorId,
    target,
    path: check.path,
    ...(target.send ? { send: target.send } : {}),
    wait: async (ms, label, resend) => {
      waits.push({ ms, label, resend, atMs: clock.now() - startedAt });
      await target.wait(ms, label);
    },
  });
  const paced = () => pacingOf(waits);
  const resends = () => waits.filter((wait) => wait.resend).length;
  let response: HttpAnswer;
  try {
    const outcome = await runScenario(
      {
        baseUrl,
        credentials: target.credentials(vendorId),
        send,
        ...(target.values ? { values: target.values } : {}),
        ...(target.waitForBackground
          ? { waitForBackground: () => target.waitForBackground?.(vendorId) ?? Promise.resolve() }
          : {}),
      },
      scenario,
    );
    response = outcome.response;
    if (outcome.background) {
      // A held write must finish before the next check resets the state under it.
      target.releaseBackground?.(vendorId);
      await outcome.background.catch(() => undefined);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RateLimitedBeyondWaitError)
      return record({
        ...common,
        ...paced(),
        outcome: 'skipped',
        reason: `Not verified: ${message}`,
        requests: common.requests + resends(),
        durationMs: performance.now() - started,
      });
    return record({
      ...common,
      ...paced(),
      outcome: 'fail',
      failures: [{ message: `No answer: ${message}`, expected: 'an HTTP answer', actual: message }],
      exchanges: [exchangeOf(scenario, baseUrl, clock.now() - startedAt, undefined, message)],
      durationMs: performance.now() - started,
    });
  }
  const {
    failures,
    drift,
    readings = [],
  } = response.status >= 200 && response.status < 300
    ? { failures: [notProvoked(vendorId, check.id, check.scenario.request, response.status)], drift: [] }
    : verdictOf(vendorId, check, response, scenario.promises);
  const pacing = paced();
  const streamed = streamedOf(scenario.request, response);
  // An answer the docs allow beside the project's reading passes, and says which reading it took.
  const honest = failures.length === 0 && readings.length > 0 ? readings.join('; ') : undefined;
  const reason = [honest, streamed, pacing.reason].filter((part) => part !== undefined).join(' ');
  return record({
    ...common,
    ...pacing,
    ...(reason ? { reason } : {}),
    requests: common.requests + resends(),
    outcome: failures.length > 0 ? 'fail' : drift.length > 0 ? 'drift' : 'pass',
    failures,
    drift,
    exchanges: [exchangeOf(scenario, baseUrl, clock.now() - startedAt, response)],
    durationMs: performance.now() - started,
  });
}

/**
 * A catalog code is judged against its catalog entry; a codeless status only by what it promises.
 * Both also by the scenario's doc-line promises, as resolved for the target (a promised field may
 * name a fact).
 */
function verdictOf(
  vendorId: VendorId,
  check: ScenarioCheck | StatusCheck,
  response: HttpAnswer,
  promises: Scenario['promises'],
): Verdict {
  const resolved = promises ? { promises } : {};
  return check.kind === 'scenario'
    ? judge(vendorId, { ...check, scenario: { ...check.scenario, ...resolved } }, response)
    : judgeStatus(vendorId, { ...check, scenario: { ...check.scenario, ...resolved } }, response);
}

/** For a streamed body: how much of it went out before the answer came, as a sentence. */
function streamedOf(request: ResolvedRequest, response: HttpAnswer): string | undefined {
  if (request.streamedBytes === undefined || response.bodyBytesSent === undefined) return undefined;
  const whole = response.bodyBytesSent >= request.streamedBytes;
  return `Sent ${response.bodyBytesSent} of the body's ${request.streamedBytes} bytes ${whole ? 'before the answer came (all of them)' : 'before the answer came, then stopped'}.`;
}

/**
 * What a check's rate-limit waits add to its result: the simulated waiting, a timeline of the
 * waits, and a reason that names them, so a pass after a 429 says it waited.
 */
function pacingOf(
  waits: readonly (PacingWait & { atMs: number })[],
): Partial<Pick<CheckResult, 'simulatedWaitMs' | 'timeline' | 'reason'>> {
  if (waits.length === 0) return {};
  const timeline = waits.map((wait) => ({
    kind: 'wait' as const,
    atMs: wait.atMs,
    durationMs: wait.ms,
    label: wait.label,
  }));
  const waitedMs = waits.reduce((sum, wait) => sum + wait.ms, 0);
  return {
    simulatedWaitMs: waitedMs,
    timeline,
    reason: `Waited ${waitedMs / 1000} s for the vendor's documented rate limit: ${waits.map((wait) => wait.label).join('; ')}.`,
  };
}

/**
 * Requests the scenario sends: its setup steps, its background request and the checked one. A
 * bearer token fetched on first use is not counted here, as the runner shares it between checks.
 */
function requestsOf(scenario: Omit<Scenario<{ repeat?: number }>, 'code'>): number {
  const setup = (scenario.setup ?? []).reduce((sum, step) => sum + (step.repeat ?? 1), 0);
  return setup + (scenario.background ? 1 : 0) + 1;
}

/**
 * The checked request as the scenario describes it (placeholders left unfilled, the credential
 * named by role rather than sent), and the answer as it came back.
 */
function exchangeOf(
  scenario: Omit<Scenario<ResolvedRequest>, 'code'>,
  baseUrl: string,
  atMs: number,
  response: HttpAnswer | undefined,
  error?: string,
): Exchange {
  const { request } = scenario;
  const text =
    request.json !== undefined ? JSON.stringify(request.json) : request.raw ? request.raw.text : undefined;
  // A streamed body is kept as its own text; the filler after it is only counted.
  const padded = request.streamedBytes !== undefined && request.streamedBytes > (text?.length ?? 0);
  const body = padded ? `${text ?? ''}[padded with filler to ${request.streamedBytes} bytes]` : text;
  return {
    atMs,
    request: {
      method: request.method,
      url: urlOf(baseUrl, request.path),
      headers: { ...request.headers, 'x-credential-role': request.role ?? 'valid' },
      ...(body === undefined ? {} : { body: { text: body, truncated: padded } }),
    },
    ...(response
      ? {
          response: {
            status: response.status,
            headers: response.headers,
            body: { text: response.body, truncated: false },
          },
        }
      : {}),
    ...(error === undefined ? {} : { error }),
  };
}
