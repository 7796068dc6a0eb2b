import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.js';
import { baseUrlVariable, credentialVariable, factVariable } from '../../src/runner/config/env-names.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import type { CredentialRole } from '../../src/simulator/types.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { type CliRun, runCliProcess } from './cli-process.js';

/**
 * The sandbox target pointed at the simulator with sentinel credentials: the simulator accepts
 * each sentinel as the test credential it stands for, so the checks really authenticate with
 * them, and afterwards not one sentinel may appear in anything the run wrote or printed.
 */
const sentinels: string[] = [];
const env: Record<string, string> = {};
const aliases: Record<string, string> = {};
let sim: RunningSimulator | undefined;
let out: string;
let run: CliRun;
let replay: CliRun;
let cassettes: string;

beforeAll(async () => {
  // Credentials are known only once the server has a port (token URLs embed it), so a first
  // simulator tells the test what to alias; the one the run talks to accepts the sentinels.
  const probe = await startSimulator();
  const plan = vendorIds.map((id) => ({
    id,
    roles: probe.credentials(id).roles,
    facts: probe.credentials(id).facts,
  }));
  await probe.close();
  for (const { id, roles, facts } of plan) {
    // Facts (ids, sign-in details) go in as they are, except a password, which is a secret too.
    for (const [fact, value] of Object.entries(facts)) {
      if (/password|secret/i.test(fact)) {
        const sentinel = `SENTINEL-${id}-${fact}-7f3a9c`;
        sentinels.push(sentinel);
        aliases[sentinel] = value;
        env[factVariable(id, fact)] = sentinel;
      } else {
        env[factVariable(id, fact)] = value;
      }
    }
    for (const [role, credential] of Object.entries(roles) as [
      CredentialRole,
      (typeof roles)[CredentialRole],
    ][]) {
      if (!credential) continue;
      const sentinel = `SENTINEL-${id}-${role}-7f3a9c`;
      sentinels.push(sentinel);
      if (credential.kind === 'header') {
        aliases[sentinel] = credential.value;
        env[credentialVariable(id, role)] = sentinel;
      } else {
        aliases[sentinel] = credential.clientSecret;
        env[credentialVariable(id, role, 'clientId')] = credential.clientId;
        env[credentialVariable(id, role, 'clientSecret')] = sentinel;
        env[credentialVariable(id, role, 'scope')] = credential.scope;
      }
    }
  }
  sim = await startSimulator({ credentialAliases: aliases });
  for (const { id, roles } of plan) {
    env[baseUrlVariable(id)] = sim.url(id);
    for (const role of Object.keys(roles) as CredentialRole[]) {
      const credential = sim.credentials(id).roles[role];
      if (credential?.kind === 'oauthClient')
        env[credentialVariable(id, role, 'tokenUrl')] = credential.tokenUrl;
    }
  }
  out = await mkdtemp(join(tmpdir(), 'sandbox-secrets-'));
  cassettes = join(out, 'cassettes');
  // Every reporter, the GitHub one included, with the files a GitHub job would give it.
  const reporters = ['terminal', 'github', 'junit', 'json', 'html', 'markdown'].flatMap((name) => [
    '--reporter',
    name,
  ]);
  run = await runCliProcess(
    [
      'run',
      '--target',
      'sandbox',
      '--max-wait',
      '5',
      '--record',
      cassettes,
      '--out',
      join(out, 'reports'),
      ...reporters,
    ],
    {
      env: {
        ...env,
        GITHUB_STEP_SUMMARY: join(out, 'step-summary.md'),
        GITHUB_OUTPUT: join(out, 'step-outputs'),
      },
      timeoutMs: 90_000,
    },
  );
  // Offline: the simulator is gone before the replay starts, so every answer must come from the cassettes.
  await sim.close();
  sim = undefined;
  replay = await runCliProcess(
    ['run', '--target', 'replay', '--cassettes', cassettes, '--out', join(out, 'replayed')],
    {
      timeoutMs: 90_000,
    },
  );
}, 180_000);

afterAll(async () => {
  await sim?.close();
  await rm(out, { recursive: true, force: true });
});

describe('a sandbox run with sentinel credentials', () => {
  it('authenticates with the sentinels', async () => {
    const result = JSON.parse(await readFile(join(out, 'reports', 'results.json'), 'utf8')) as RunResult;
    expect(result.target).toBe('sandbox');
    // Sandbox mode end to end: what the simulator cannot be made to do over plain HTTP is skipped,
    // and everything else passes.
    expect(result.totals.fail).toBe(0);
    expect(run.code).toBe(0);
    expect(result.vendors).toHaveLength(vendorIds.length);
    // Every vendor has checks that only pass with a working credential (a 403 for a read-only key,
    // a 404 behind a valid one); without the aliases they would all be 401s.
    for (const vendor of result.vendors) {
      expect(vendor.checks.filter((check) => check.outcome === 'pass').length, vendor.id).toBeGreaterThan(1);
    }
  });

  it('leaves no sentinel in stdout, stderr, any report file, the job summary or any cassette', async () => {
    const reports = await readdir(join(out, 'reports'));
    expect(reports.sort()).toEqual(['junit.xml', 'report.html', 'results.json', 'summary.md']);
    const recorded = await readdir(cassettes);
    expect(recorded.sort()).toEqual(vendorIds.map((id) => `${id}.cassette.json`).sort());
    const files = [
      ...reports.map((name) => join(out, 'reports', name)),
      ...recorded.map((name) => join(cassettes, name)),
      join(out, 'step-summary.md'),
      join(out, 'step-outputs'),
    ];
    const texts = [
      run.stdout,
      run.stderr,
      replay.stdout,
      replay.stderr,
      ...(await Promise.all(files.map((file) => readFile(file, 'utf8')))),
    ];
    expect(sentinels.length).toBeGreaterThan(10);
    for (const sentinel of sentinels) {
      for (const text of texts) expect(text.includes(sentinel), sentinel).toBe(false);
    }
  });
});

describe('a sandbox run on the wall clock', () => {
  it('ends a wait beyond --max-wait as not verified rather than sleeping through it', async () => {
    const result = JSON.parse(await readFile(join(out, 'reports', 'results.json'), 'utf8')) as RunResult;
    const waits = result.vendors.flatMap((vendor) =>
      vendor.checks.filter(
        (check) => check.id === 'sequence.rate_limit_wait' && check.outcome !== 'not_applicable',
      ),
    );
    expect(waits.length).toBeGreaterThan(0);
    for (const check of waits) expect(check.reason ?? '', check.id).toMatch(/above the 5 s ceiling/);
    expect(result.wallTimeMs).toBeLessThan(30_000);
  });
});

describe('a replay of the recorded sandbox run', () => {
  const outcomes = (result: RunResult) =>
    result.vendors.flatMap((vendor) =>
      vendor.checks.map((check) => ({
        id: `${vendor.id} ${check.id}`,
        outcome: check.outcome,
        reason: check.reason ?? null,
        failures: check.failures.map((failure) => failure.message),
        requests: check.requests,
      })),
    );

  it('runs offline and reaches the same result for every check', async () => {
    const recorded = JSON.parse(await readFile(join(out, 'reports', 'results.json'), 'utf8')) as RunResult;
    const replayed = JSON.parse(await readFile(join(out, 'replayed', 'results.json'), 'utf8')) as RunResult;
    expect(replay.stderr).not.toContain('did not finish');
    // Nothing is sent in a replay, and its waits were recorded, not simulated.
    expect(replay.stdout).toMatch(/Requests replayed: \d+/);
    expect(replay.stdout).toContain('recorded waiting verified');
    expect(run.stdout).toMatch(/· waiting verified: /);
    expect(replayed.target).toBe('replay');
    expect(outcomes(replayed)).toEqual(outcomes(recorded));
    expect(replayed.totals).toEqual(recorded.totals);
    expect(replay.code).toBe(run.code);
  });
});
