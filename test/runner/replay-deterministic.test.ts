/**
 * A recording replays the same way every time. The config is the one `init` writes, filled in as a
 * user fills it (base URL, blank facts, this deployment's routes, credential variables); its
 * defaults stay, so stale ids such as `missing_{{unique}}` and `{{uuid}}` are drawn at record time.
 * The run is recorded against the independent implementation on loopback, then replayed twice:
 * every check must reach the outcome, failures and drift it reached when recorded.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../src/cli/commands/init.js';
import { checklistFor } from '../../src/conformance/checklist.js';
import { runCheck } from '../../src/conformance/execute.js';
import type { ConformanceTarget } from '../../src/conformance/types.js';
import type { CheckResult } from '../../src/report/result.js';
import type { Cassette } from '../../src/runner/cassettes/cassette.js';
import { recordCassettes } from '../../src/runner/cassettes/record.js';
import { openReplayTarget } from '../../src/runner/cassettes/replay.js';
import { credentialVariable } from '../../src/runner/config/env-names.js';
import { parseRunConfig, resolveSandboxConfig } from '../../src/runner/config/sandbox-config.js';
import { createHttpTarget } from '../../src/runner/targets/http-target.js';
import { advancingClock } from '../../src/runner/targets/simulator-side.js';
import type { CredentialRole } from '../../src/scenarios/types.js';
import { VirtualClock } from '../../src/time/clock.js';
import type { VendorId } from '../../src/vendors/registry.js';
import { sandboxConfigFor } from '../independent/config.js';
import { startIndependentVendors } from '../independent/index.js';

// Collate's stale ids are `missing_{{unique}}`-style defaults; Foresight's is a `{{uuid}}`.
const vendors: VendorId[] = ['collate', 'foresight'];

/** What a check concluded, in a form two runs can be compared by. */
const verdict = (result: CheckResult) => ({
  outcome: result.outcome,
  failures: result.failures.map((failure) => failure.message),
  drift: (result.drift ?? []).map((item) => item.message),
  reason: result.reason,
});

async function runAll(vendorId: VendorId, target: ConformanceTarget) {
  const timed = { now: () => target.now(), sleep: (ms: number) => target.wait(ms) };
  const verdicts: Record<string, ReturnType<typeof verdict>> = {};
  for (const check of checklistFor(vendorId))
    verdicts[check.id] = verdict(await runCheck(vendorId, target, check, timed));
  return verdicts;
}

let dir: string;
const recorded = new Map<VendorId, Awaited<ReturnType<typeof runAll>>>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'replay-deterministic-'));
  const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00Z'));
  const running = await startIndependentVendors({ vendors, now: () => clock.now() });
  try {
    const env: Record<string, string> = {};
    const file: { vendors: Record<string, unknown> } = { vendors: {} };
    for (const vendorId of vendors) {
      const directory = running.directory[vendorId];
      if (!directory) throw new Error(`${vendorId} did not start`);
      const own = sandboxConfigFor(vendorId, directory);
      const written = scaffold(vendorId);
      // As a user fills init's file: the base URL, this deployment's routes, the blank facts;
      // facts with a default keep it; credentials stay variables, set in the environment.
      const facts = Object.fromEntries(
        Object.entries(written.facts ?? {}).map(([name, value]) => [
          name,
          value === '' ? (own.facts[name] ?? '') : value,
        ]),
      );
      // A secret fact is written as the variable that holds it.
      for (const [name, value] of Object.entries(written.facts ?? {})) {
        if (typeof value === 'object' && own.facts[name] !== undefined) env[value.env] = own.facts[name];
      }
      file.vendors[vendorId] = { ...written, baseUrl: directory.baseUrl, operations: own.operations, facts };
      for (const [role, credential] of Object.entries(own.credentials)) {
        if ('value' in credential)
          env[credentialVariable(vendorId, role as CredentialRole)] = credential.value;
      }
    }
    const target = createHttpTarget({
      vendors: resolveSandboxConfig(parseRunConfig(file, 'init'), env),
      clock: advancingClock(clock),
    });
    const recorder = recordCassettes(target, vendors);
    for (const vendorId of vendors) recorded.set(vendorId, await runAll(vendorId, recorder.target));
    await recorder.write(dir);
  } finally {
    await running.close();
  }
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a replay of a recorded sandbox run', () => {
  it.each(vendors)(
    '%s: the recording drew placeholder values and kept them with the check',
    async (vendorId) => {
      const cassette = JSON.parse(await readFile(join(dir, `${vendorId}.cassette.json`), 'utf8')) as Cassette;
      const withValues = Object.entries(cassette.values ?? {}).filter(
        ([, drawn]) => drawn.unique.length + drawn.uuid.length > 0,
      );
      expect(withValues.length).toBeGreaterThan(0);
      // A stale id built from a drawn value is in a URL the check sent.
      const inUrls = withValues.filter(([id, drawn]) =>
        (cassette.checks[id] ?? []).some((entry) =>
          [...drawn.unique, ...drawn.uuid].some((value) => entry.request.url.includes(value)),
        ),
      );
      expect(inUrls.length).toBeGreaterThan(0);
    },
  );

  it.each(vendors)(
    '%s: two replays reach the recorded outcome for every check',
    async (vendorId) => {
      const before = recorded.get(vendorId);
      expect(Object.keys(before ?? {})).toHaveLength(checklistFor(vendorId).length);
      // The recording itself must have answered every provoking request: nothing is missing.
      expect(
        Object.values(before ?? {}).filter((v) => v.failures.some((m) => /has no answer/.test(m))),
      ).toEqual([]);
      for (const attempt of [1, 2]) {
        const open = await openReplayTarget([vendorId], dir);
        try {
          expect(await runAll(vendorId, open.target), `replay ${attempt}`).toEqual(before);
        } finally {
          await open.close();
        }
      }
    },
    60_000,
  );
});
