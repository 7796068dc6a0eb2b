/**
 * Simulator throughput against a bare node:http server that answers the same bytes, with one
 * load generator in one run, and the simulator's start-up to first response. Exported for the
 * bench runner; returns a printable report.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verdict } from '../report.js';
import type { Goal, Suite, SuiteResult } from '../suite.js';

const CONCURRENCY = 16;
const WARM_UP_MS = 800;
/** Simulator and bare server take turns in short slices, so a neighbour's load hits both alike. */
const SLICE_MS = 250;
const ROUNDS = 10;
/** Hard cap on requests per measurement, so a fast machine cannot make the run unbounded. */
const MAX_REQUESTS = 200_000;
const STARTUP_GOAL_MS = 150;
const RATIO_GOAL = 0.9;

interface Captured {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request over a keep-alive agent, resolving with the full answer. */
function get(agent: Agent, url: string, headers: Record<string, string>): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') flat[name] = value;
        }
        resolve({ status: res.statusCode ?? 0, headers: flat, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

interface Tally {
  requests: number;
  seconds: number;
}

/** Fixed concurrency, each worker sending its next request as soon as the last one is answered. */
async function load(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  durationMs: number,
  tally: Tally,
) {
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline && done < MAX_REQUESTS) {
      await get(agent, url, headers);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  tally.requests += done;
  tally.seconds += (performance.now() - started) / 1000;
}

/** Requests per second of two targets measured in alternating slices with one generator. */
async function compare(simUrl: string, bareUrl: string, headers: Record<string, string>) {
  const simAgent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const bareAgent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const discard = { requests: 0, seconds: 0 };
  await load(simAgent, simUrl, headers, WARM_UP_MS, discard);
  await load(bareAgent, bareUrl, headers, WARM_UP_MS, discard);
  const simTally = { requests: 0, seconds: 0 };
  const bareTally = { requests: 0, seconds: 0 };
  // Which server goes first alternates, so neither always runs right after the other's burst.
  for (let round = 0; round < ROUNDS; round++) {
    const slices = [
      () => load(simAgent, simUrl, headers, SLICE_MS, simTally),
      () => load(bareAgent, bareUrl, headers, SLICE_MS, bareTally),
    ];
    if (round % 2 === 1) slices.reverse();
    for (const slice of slices) await slice();
  }
  simAgent.destroy();
  bareAgent.destroy();
  return { simRate: simTally.requests / simTally.seconds, bareRate: bareTally.requests / bareTally.seconds };
}

/** A server that replays captured answers by path: the floor any HTTP server on this machine pays. */
async function bareServer(answers: Map<string, Captured>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const answer = answers.get(req.url ?? '') ?? { status: 404, headers: {}, body: '' };
    const headers = { ...answer.headers };
    delete headers.date;
    delete headers.connection;
    delete headers['keep-alive'];
    delete headers['transfer-encoding'];
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function benchSimulator(): Promise<SuiteResult> {
  // Start-up first, so the module load is part of it as it would be for a fresh process.
  const t0 = performance.now();
  const { startSimulator } = await import('../../../src/simulator/index.js');
  const t1 = performance.now();
  const sim = await startSimulator({ vendors: ['collate'] });
  const startupAgent = new Agent({ keepAlive: false });
  await get(startupAgent, `${sim.url('collate')}/v1/prior-authorizations/pa_ready`, {});
  const importMs = t1 - t0;
  const startupMs = performance.now() - t1;

  // Collate documents no rate limit, so a long run of reads is never throttled.
  const paths = [
    { name: '401 (no token)', path: '/collate/v1/prior-authorizations/pa_ready', headers: {} },
    {
      name: '404 stale id',
      path: '/collate/v1/prior-authorizations/pa_gone',
      headers: { authorization: 'Bearer col_test_full_R7v2' },
    },
    {
      name: '200 read',
      path: '/collate/v1/prior-authorizations/pa_ready',
      headers: { authorization: 'Bearer col_test_full_R7v2' },
    },
  ];
  const origin = sim.url('collate').replace(/\/collate$/, '');
  const rows: string[][] = [];
  const goals: Goal[] = [];
  try {
    for (const { name, path, headers } of paths) {
      const captureAgent = new Agent({ keepAlive: false });
      const captured = await get(captureAgent, `${origin}${path}`, headers);
      // A row measures the answer it names, or it measures nothing.
      if (String(captured.status) !== name.slice(0, 3))
        throw new Error(`${name}: the simulator answered ${captured.status}`);
      // The bare server is keyed by path; paths differ only by header, so each gets its own query.
      const barePath = `${path}?${name.slice(0, 3)}`;
      const bare = await bareServer(new Map([[barePath, captured]]));
      try {
        const { simRate, bareRate } = await compare(`${origin}${path}`, `${bare.origin}${barePath}`, headers);
        const ratio = simRate / bareRate;
        rows.push([
          name,
          `${simRate.toFixed(0)} req/s`,
          `${bareRate.toFixed(0)} req/s`,
          `${ratio.toFixed(2)}x`,
          verdict(ratio >= RATIO_GOAL),
        ]);
        goals.push({
          description: `simulator ${name}: ${ratio.toFixed(2)}x the bare server, goal >= ${RATIO_GOAL}x`,
          met: ratio >= RATIO_GOAL,
        });
      } finally {
        await new Promise<void>((resolve) => bare.server.close(() => resolve()));
        bare.server.closeAllConnections();
      }
    }
    goals.push({
      description: `simulator start-up to first response: ${startupMs.toFixed(1)} ms, goal < ${STARTUP_GOAL_MS} ms`,
      met: startupMs < STARTUP_GOAL_MS,
    });
  } finally {
    await sim.close();
  }
  return {
    tables: [
      {
        title: 'Loopback throughput',
        head: ['path', 'simulator', 'bare node:http', 'ratio', `goal >= ${RATIO_GOAL}x`],
        rows,
      },
    ],
    notes: [
      `collate over loopback, ${CONCURRENCY} keep-alive connections, ${ROUNDS} rounds of one ${SLICE_MS} ms slice per server, the first server alternating; the bare server returns the same bytes.`,
      `start-up to first response ${startupMs.toFixed(1)} ms after loading the simulator module (${importMs.toFixed(1)} ms).`,
    ],
    goals,
  };
}

export const simulatorSuite: Suite = {
  name: 'simulator',
  title: 'Simulator requests per second against a bare node:http server, and start-up',
  run: benchSimulator,
};
