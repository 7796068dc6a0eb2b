/**
 * What createClient costs on the path every successful call takes: sequential GETs answered 200
 * with JSON, through the client and through plain `fetch` + `res.json()`, against one loopback
 * server in a child process (so this process's CPU time is the client side alone). The two take
 * turns in short rounds of equal size, and each round's pair gives one ratio: on a loaded machine
 * the load drifts between rounds, and a pair measured back to back shares it. The median pair
 * ratio is judged. Goal: at most 1.05x.
 *
 * A second, smaller measurement isolates the client's own code: the same GET through the client
 * and through the peer's calls, both over a stub fetch that answers with a new `Response` at once,
 * so neither sockets nor undici's request path are in the figure. Its difference per GET says how
 * much of the goal ratio the client's code can account for; it is printed, not judged.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createClient } from '../../../src/index.js';
import { median } from '../measure.js';
import { verdict } from '../report.js';
import type { Goal, Suite, SuiteResult } from '../suite.js';

const ROUNDS = 40;
/** GETs per side and round: ROUNDS x this = 10k sequential GETs each. */
const PER_ROUND = 250;
const WARM_UP = 500;
/** Stops the rounds early on a machine so loaded that they would run for minutes. */
const MAX_SUITE_MS = 60_000;
const GOAL_RATIO = 1.05;
/** Rounds and GETs per side and round of the stub-fetch measurement (no I/O: about 1-3 us a GET). */
const STUB_ROUNDS = 15;
const STUB_PER_ROUND = 2000;

const BODY = JSON.stringify({
  id: 'pa_ready',
  status: 'approved',
  decidedAt: '2026-03-31T12:00:00Z',
  items: [{ code: '97110', units: 4 }],
});

/** The server: the same 200 JSON answer to every request, in one write, on a loopback port. */
const SERVER_SCRIPT = `
const body = ${JSON.stringify(BODY)};
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
const server = require('node:http').createServer((req, res) => {
  req.resume();
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

async function startServer(): Promise<{ child: ChildProcess; origin: string }> {
  // The child exits when its stdin closes, so it cannot outlive this process.
  const child = spawn(process.execPath, ['-e', SERVER_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  return { child, origin: `http://127.0.0.1:${chunk.toString().trim()}` };
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Sample {
  cpuMs: number;
  wallMs: number;
}

/**
 * CPU time per GET of the client's own code: client and peer over the same stub fetch, in
 * interleaved rounds; returns the medians per GET in us.
 */
async function stubOverhead(): Promise<{ clientUs: number; peerUs: number }> {
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(BODY)) };
  // A new Response for every call, as a real fetch gives, on both sides.
  const stubFetch = async (_input: string, _init: unknown) => new Response(BODY, { status: 200, headers });
  const client = createClient('collate', {
    baseUrl: 'http://127.0.0.1:9',
    credentials: { token: 'col_test_full_R7v2' } as never,
    fetch: stubFetch,
  });
  const viaClient = async () => {
    const response = await client.request('GET', '/v1/prior-authorizations/pa_ready');
    if (response.status !== 200) throw new Error(`the client answered ${response.status}`);
  };
  const viaPeer = async () => {
    const response = await stubFetch('http://127.0.0.1:9/v1/prior-authorizations/pa_ready', {
      headers: { accept: 'application/json', authorization: 'Bearer col_test_full_R7v2' },
    });
    if (response.status !== 200) throw new Error(`the stub answered ${response.status}`);
    await response.json();
  };
  await timed(STUB_PER_ROUND, viaClient);
  await timed(STUB_PER_ROUND, viaPeer);
  const clientMs: number[] = [];
  const peerMs: number[] = [];
  for (let round = 0; round < STUB_ROUNDS; round++) {
    const first = round % 2 === 0 ? viaClient : viaPeer;
    const firstMs = (await timed(STUB_PER_ROUND, first)).cpuMs;
    const secondMs = (await timed(STUB_PER_ROUND, first === viaClient ? viaPeer : viaClient)).cpuMs;
    clientMs.push(first === viaClient ? firstMs : secondMs);
    peerMs.push(first === viaClient ? secondMs : firstMs);
  }
  const perGetUs = (values: number[]) => (median(values) / STUB_PER_ROUND) * 1000;
  return { clientUs: perGetUs(clientMs), peerUs: perGetUs(peerMs) };
}

async function timed(count: number, call: () => Promise<unknown>): Promise<Sample> {
  const cpu = cpuMs();
  const wall = performance.now();
  for (let index = 0; index < count; index++) await call();
  return { cpuMs: cpuMs() - cpu, wallMs: performance.now() - wall };
}

export async function benchClient(): Promise<SuiteResult> {
  const server = await startServer();
  const url = `${server.origin}/v1/prior-authorizations/pa_ready`;
  const client = createClient('collate', {
    baseUrl: server.origin,
    credentials: { token: 'col_test_full_R7v2' } as never,
  });
  const viaClient = async () => {
    const response = await client.request('GET', '/v1/prior-authorizations/pa_ready');
    if (response.status !== 200) throw new Error(`the client answered ${response.status}`);
  };
  const viaFetch = async () => {
    const response = await fetch(url, {
      headers: { accept: 'application/json', authorization: 'Bearer col_test_full_R7v2' },
    });
    if (response.status !== 200) throw new Error(`fetch answered ${response.status}`);
    await response.json();
  };
  const clientSamples: Sample[] = [];
  const fetchSamples: Sample[] = [];
  const started = performance.now();
  try {
    await timed(WARM_UP, viaClient);
    await timed(WARM_UP, viaFetch);
    for (let round = 0; round < ROUNDS && performance.now() - started < MAX_SUITE_MS; round++) {
      // Which side goes first alternates, so neither always follows the other's garbage.
      if (round % 2 === 0) {
        clientSamples.push(await timed(PER_ROUND, viaClient));
        fetchSamples.push(await timed(PER_ROUND, viaFetch));
      } else {
        fetchSamples.push(await timed(PER_ROUND, viaFetch));
        clientSamples.push(await timed(PER_ROUND, viaClient));
      }
    }
  } finally {
    server.child.stdin?.end();
  }
  const stub = await stubOverhead();
  const perCall = (samples: Sample[], key: keyof Sample) =>
    (median(samples.map((sample) => sample[key])) / PER_ROUND) * 1000;
  const pairRatio = (key: keyof Sample) =>
    median(clientSamples.map((sample, round) => sample[key] / (fetchSamples[round]?.[key] ?? Number.NaN)));
  const clientCpu = perCall(clientSamples, 'cpuMs');
  const fetchCpu = perCall(fetchSamples, 'cpuMs');
  const clientWall = perCall(clientSamples, 'wallMs');
  const fetchWall = perCall(fetchSamples, 'wallMs');
  const cpuRatio = pairRatio('cpuMs');
  const wallRatio = pairRatio('wallMs');
  const goals: Goal[] = [
    {
      description: `createClient GET 200: ${cpuRatio.toFixed(2)}x fetch + res.json() in CPU time, goal <= ${GOAL_RATIO}x`,
      met: cpuRatio <= GOAL_RATIO,
    },
  ];
  return {
    tables: [
      {
        title: 'Per sequential GET (median round; ratio: median over rounds of the client/fetch pair)',
        head: ['measure', 'createClient', 'fetch + json()', 'ratio', `goal <= ${GOAL_RATIO}x`],
        rows: [
          [
            'CPU time',
            `${clientCpu.toFixed(1)} us`,
            `${fetchCpu.toFixed(1)} us`,
            `${cpuRatio.toFixed(2)}x`,
            verdict(cpuRatio <= GOAL_RATIO),
          ],
          [
            'wall time',
            `${clientWall.toFixed(1)} us`,
            `${fetchWall.toFixed(1)} us`,
            `${wallRatio.toFixed(2)}x`,
            '',
          ],
          [
            'CPU time over a stub fetch',
            `${stub.clientUs.toFixed(2)} us`,
            `${stub.peerUs.toFixed(2)} us`,
            `+${(stub.clientUs - stub.peerUs).toFixed(2)} us`,
            `${(((stub.clientUs - stub.peerUs) / fetchCpu) * 100).toFixed(1)}% of a GET`,
          ],
        ],
      },
    ],
    notes: [
      `${clientSamples.length} rounds of ${PER_ROUND} sequential GETs per side (${WARM_UP} untimed first), the first side alternating, the ratio the median of each round's client/fetch pair; a loopback node:http server in a child process answers 200 with ${Buffer.byteLength(BODY)} bytes of JSON; CPU time is this process's, the client side only.`,
      `The stub-fetch row: ${STUB_ROUNDS} interleaved rounds of ${STUB_PER_ROUND} GETs per side through a fetch function that returns a new Response at once, the client against the peer's own calls (fetch, then res.json()); its difference is the client's own code per GET, shown as a share of a real GET's CPU time.`,
    ],
    goals,
  };
}

export const clientSuite: Suite = {
  name: 'client',
  title: 'createClient against plain fetch + res.json(), sequential GETs answered 200',
  run: benchClient,
};
