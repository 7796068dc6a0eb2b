import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
 * them, and afterwards not one sentinel may appear in anything the run wrote or printed. The run
 * reaches the simulator through an echoing proxy: every JSON error answer to a request that
 * carried a sentinel repeats it in its message, quoted, JSON-escaped (`\u002d`) and `\/`-escaped,
 * as .NET and PHP servers do, so the redaction must find echoes that only a decoder would see.
 * The proxy also notes every access token a token endpoint issues and echoes it the same way when
 * a request presents it ("The access token … has expired"): a secret the run obtained, which no
 * configuration names and no scenario exchange records.
 */
const sentinels: string[] = [];
const issuedTokens: string[] = [];
let echoedIssued = 0;
const env: Record<string, string> = {};
const aliases: Record<string, string> = {};
let sim: RunningSimulator | undefined;
let out: string;
let run: CliRun;
let replay: CliRun;
let cassettes: string;
let proxy: Server | undefined;
let echoed = 0;

/** The reversible encodings of a sentinel a server may show: base64, base64url, hex, HTML references. */
function encodingsOf(sentinel: string): string[] {
  const bytes = Buffer.from(sentinel);
  const html = [...sentinel].map((char) => `&#${char.codePointAt(0)};`).join('');
  return [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'), html];
}

/** The spellings of a sentinel an echoing server may use inside a JSON string. */
function echoesOf(sentinel: string): string {
  const escaped = sentinel.replace(/-/g, '\\u002d');
  const slashed = sentinel.replace(/\//g, '\\/');
  return ` (you sent \\"${slashed}\\", ${escaped}, ${slashed}; ${encodingsOf(sentinel).join(', ')})`;
}

/** Appends the echoes to the first "message"-like string member of a JSON error body. */
function withEchoes(body: string, found: string[]): string {
  const marker = 'ECHO-MARKER-0b9e';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return false;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && /^(message|detail|error_description|title)$/.test(key)) {
        (node as Record<string, unknown>)[key] = `${value}${marker}`;
        return true;
      }
      if (visit(value)) return true;
    }
    return false;
  };
  if (!visit(parsed)) return body;
  echoed++;
  return JSON.stringify(parsed).replace(marker, found.map(echoesOf).join(''));
}

/** A loopback proxy in front of the simulator that echoes any sentinel a request carried. */
async function startEchoingProxy(target: string): Promise<string> {
  const origin = new URL(target);
  proxy = createServer((req, res) => {
    // Streamed both ways: a check that declares more body than it sends gets its early answer.
    let seen = Object.values(req.headers).join(' ');
    const upstream = request(
      {
        host: origin.hostname,
        port: origin.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
        agent: false,
      },
      (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const found = [...sentinels, ...issuedTokens].filter(
            (sentinel) => seen.includes(sentinel) || seen.includes(encodeURIComponent(sentinel)),
          );
          let text = Buffer.concat(parts).toString('utf8');
          const token = /"access_token"\s*:\s*"([^"]+)"/.exec(text)?.[1];
          if (token && !issuedTokens.includes(token)) issuedTokens.push(token);
          const json = /json/.test(String(answer.headers['content-type']));
          if (found.length > 0 && json && (answer.statusCode ?? 0) >= 400) {
            const before = echoed;
            text = withEchoes(text, found);
            if (echoed > before && found.some((value) => issuedTokens.includes(value))) echoedIssued++;
          }
          const headers = { ...answer.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': Buffer.byteLength(text) });
          res.end(text);
        });
      },
    );
    req.on('data', (chunk: Buffer) => {
      if (seen.length < 65_536) seen += chunk.toString('utf8');
    });
    req.pipe(upstream);
    upstream.on('error', () => res.destroy());
    req.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

/** A text as a reader would see it: JSON escapes (`\u002d`, `\/`, `\"`) and HTML entities decoded. */
function decoded(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\(["/\\])/g, '$1')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x2F;/gi, '/')
    .replace(/&amp;/g, '&');
}

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
      // A header credential carries a "/" too, so that its `\/`-escaped echo differs from it.
      const sentinel = `SENTINEL-${id}-${role}-7f3a9c${credential.kind === 'header' ? '/z' : ''}`;
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
  const proxied = await startEchoingProxy(`http://127.0.0.1:${sim.port}`);
  for (const { id, roles } of plan) {
    env[baseUrlVariable(id)] = sim.url(id).replace(`http://127.0.0.1:${sim.port}`, proxied);
    for (const role of Object.keys(roles) as CredentialRole[]) {
      const credential = sim.credentials(id).roles[role];
      if (credential?.kind === 'oauthClient')
        env[credentialVariable(id, role, 'tokenUrl')] = credential.tokenUrl.replace(
          `http://127.0.0.1:${sim.port}`,
          proxied,
        );
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
  await new Promise<void>((resolve) => proxy?.close(() => resolve()));
  proxy = undefined;
  replay = await runCliProcess(
    ['run', '--target', 'replay', '--cassettes', cassettes, '--out', join(out, 'replayed')],
    {
      timeoutMs: 90_000,
    },
  );
}, 180_000);

afterAll(async () => {
  await sim?.close();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
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

  it('leaves no sentinel, plain or echoed escaped, in stdout, stderr, any report file, the job summary or any cassette', async () => {
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
    // The echoing proxy did echo: the redaction had escaped echoes to find.
    expect(echoed).toBeGreaterThan(20);
    expect(echoedIssued).toBeGreaterThan(0);
    for (const sentinel of [...sentinels, ...issuedTokens]) {
      for (const text of texts) {
        expect(text.includes(sentinel), sentinel).toBe(false);
        expect(decoded(text).includes(sentinel), `${sentinel} (decoded)`).toBe(false);
        for (const encoded of encodingsOf(sentinel).slice(0, 3))
          expect(text.includes(encoded), `${sentinel} (encoded as ${encoded})`).toBe(false);
      }
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
    for (const check of waits) {
      expect(check.reason ?? '', check.id).toMatch(/above the 5 s ceiling/);
      expect(check.timeline?.filter((event) => event.kind === 'wait') ?? [], check.id).toEqual([]);
      expect(check.simulatedWaitMs, check.id).toBe(0);
    }
    // Every wait a check makes is on its timeline, so none of the run's waits went past the ceiling;
    // this says so without a wall-time bound, which a loaded machine would break.
    const longWaits = result.vendors.flatMap((vendor) =>
      vendor.checks.flatMap((check) =>
        (check.timeline ?? [])
          .filter((event) => event.kind === 'wait' && event.durationMs > 5_000)
          .map((event) => `${vendor.id} ${check.id}: ${event.label}`),
      ),
    );
    expect(longWaits).toEqual([]);
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
