/**
 * Simulator throughput against a bare node:http server answering the same bytes, both loaded by
 * autocannon (16 connections) from this process while each server runs in a child process of its
 * own, so the load generator never competes with the server it measures for one event loop. The
 * two take turns in short bounded runs, and each child reports its CPU time, so a request's server
 * cost is shown beside the rate. Also the simulator's start-up to first response.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { ensureBuild, snapshotBuild } from '../ensure-build.js';
import { verdict } from '../report.js';
import type { Goal, Suite, SuiteResult } from '../suite.js';

const root = join(import.meta.dirname, '..', '..', '..');
const CONNECTIONS = 16;
/** Seconds per autocannon run: short turns, so a neighbour's load hits both servers alike. */
const RUN_SECONDS = 2;
const WARM_UP_SECONDS = 2;
/**
 * The first row's warm-up is also each process's: its JIT compiles the request path then. Measured
 * in 2 s windows from start, the simulator's CPU per request was still about 15% above its steady
 * level in the second window (the bare server's about 5%), so with 2 s the first measured round
 * still paid for compilation, the simulator more than the bare server.
 */
const FIRST_WARM_UP_SECONDS = 6;
const ROUNDS = 3;
const STARTUP_GOAL_MS = 150;
const RATIO_GOAL = 0.9;

interface Captured {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request over a fresh connection, resolving with the full answer. */
function get(url: string, headers: Record<string, string>): Promise<Captured> {
  const agent = new Agent({ keepAlive: false });
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

/**
 * The simulator as users load it (the built package), serving Collate on a loopback port; answers
 * `cpu` with its CPU time.
 */
const simulatorChild = (entry: string) => `
const { startSimulator } = await import(${JSON.stringify(entry)});
const sim = await startSimulator({ vendors: ['collate'] });
process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => sim.close().then(() => process.exit(0)));
process.send({ port: sim.port });
`;

/**
 * A server that replays captured answers by path (sent as the first message): the floor any HTTP
 * server on this machine pays. Connection headers are Node's own to write, as for the simulator.
 */
const BARE_CHILD = `
const { createServer } = await import('node:http');
const [message] = await (await import('node:events')).once(process, 'message');
const answers = new Map(message.answers);
const server = createServer((req, res) => {
  const answer = answers.get(req.url) ?? { status: 404, headers: {}, body: '' };
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'cpu') process.send({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => process.exit(0));
`;

interface ServerChild {
  child: ChildProcess;
  origin: string;
}

async function startChild(script: string, firstMessage?: unknown): Promise<ServerChild> {
  // An IPC channel ties the child to this process: when it closes, the child exits.
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (firstMessage !== undefined) child.send(firstMessage as never);
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return { child, origin: `http://127.0.0.1:${message.port}` };
}

/** The child's CPU time so far, in ms. */
async function childCpuMs(server: ServerChild): Promise<number> {
  const reply = once(server.child, 'message');
  server.child.send('cpu');
  const [{ cpu }] = (await reply) as [{ cpu: NodeJS.CpuUsage }];
  return (cpu.user + cpu.system) / 1000;
}

interface Tally {
  requests: number;
  seconds: number;
  cpuMs: number;
}

/** One bounded autocannon run; every answer must carry the status the row names. */
async function run(
  server: ServerChild,
  path: string,
  headers: Record<string, string>,
  status: number,
  seconds: number,
  tally: Tally,
) {
  const cpuBefore = await childCpuMs(server);
  const result = await autocannon({
    url: `${server.origin}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
  });
  tally.cpuMs += (await childCpuMs(server)) - cpuBefore;
  const statuses = Object.keys(result.statusCodeStats);
  if (result.errors > 0 || result.timeouts > 0 || statuses.some((code) => code !== String(status)))
    throw new Error(
      `${server.origin}${path}: ${result.errors} errors, ${result.timeouts} timeouts, statuses ${statuses.join(', ')} (expected only ${status})`,
    );
  tally.requests += result.requests.total;
  tally.seconds += result.duration;
}

export async function benchSimulator(): Promise<SuiteResult> {
  // Start-up in this process first, so the module load is part of it as it would be for a fresh process.
  const t0 = performance.now();
  const { startSimulator } = await import('../../../src/simulator/index.js');
  const t1 = performance.now();
  const local = await startSimulator({ vendors: ['collate'] });
  await get(`${local.url('collate')}/v1/prior-authorizations/pa_ready`, {});
  const importMs = t1 - t0;
  const startupMs = performance.now() - t1;
  await local.close();

  // Collate documents no rate limit, so a long run of reads is never throttled.
  const token = { authorization: 'Bearer col_test_full_R7v2' };
  const paths = [
    { name: '401 (no token)', status: 401, path: '/collate/v1/prior-authorizations/pa_ready', headers: {} },
    { name: '404 stale id', status: 404, path: '/collate/v1/prior-authorizations/pa_gone', headers: token },
    { name: '200 read', status: 200, path: '/collate/v1/prior-authorizations/pa_ready', headers: token },
  ];
  ensureBuild(root);
  const snapshot = snapshotBuild(root);
  const sim = await startChild(
    simulatorChild(pathToFileURL(join(snapshot.dir, 'dist', 'simulator', 'index.js')).href),
  );
  const answers: Array<[string, Captured]> = [];
  const rows: string[][] = [];
  const goals: Goal[] = [];
  let bare: ServerChild | undefined;
  try {
    for (const { name, status, path, headers } of paths) {
      const captured = await get(`${sim.origin}${path}`, headers);
      // A row measures the answer it names, or it measures nothing.
      if (captured.status !== status) throw new Error(`${name}: the simulator answered ${captured.status}`);
      for (const hop of ['date', 'connection', 'keep-alive', 'transfer-encoding'])
        delete captured.headers[hop];
      // The bare server is keyed by path; paths differ only by header, so each gets its own query.
      answers.push([`${path}?${status}`, captured]);
    }
    bare = await startChild(BARE_CHILD, { answers });
    for (const [index, { name, status, path, headers }] of paths.entries()) {
      const barePath = `${path}?${status}`;
      const discard: Tally = { requests: 0, seconds: 0, cpuMs: 0 };
      const warmUp = index === 0 ? FIRST_WARM_UP_SECONDS : WARM_UP_SECONDS;
      await run(sim, path, headers, status, warmUp, discard);
      await run(bare, barePath, headers, status, warmUp, discard);
      const simTally: Tally = { requests: 0, seconds: 0, cpuMs: 0 };
      const bareTally: Tally = { requests: 0, seconds: 0, cpuMs: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        // Which server goes first alternates, so neither always runs right after the other's burst.
        const turns = [
          () => run(sim, path, headers, status, RUN_SECONDS, simTally),
          () => run(bare as ServerChild, barePath, headers, status, RUN_SECONDS, bareTally),
        ];
        if (round % 2 === 1) turns.reverse();
        for (const turn of turns) await turn();
      }
      const simRate = simTally.requests / simTally.seconds;
      const bareRate = bareTally.requests / bareTally.seconds;
      const ratio = simRate / bareRate;
      const cpuPerRequest = (tally: Tally) => `${((tally.cpuMs / tally.requests) * 1000).toFixed(1)} us`;
      rows.push([
        name,
        `${simRate.toFixed(0)} req/s`,
        `${bareRate.toFixed(0)} req/s`,
        `${ratio.toFixed(2)}x`,
        cpuPerRequest(simTally),
        cpuPerRequest(bareTally),
        verdict(ratio >= RATIO_GOAL),
      ]);
      goals.push({
        description: `simulator ${name}: ${ratio.toFixed(2)}x the bare server, goal >= ${RATIO_GOAL}x`,
        met: ratio >= RATIO_GOAL,
      });
    }
    goals.push({
      description: `simulator start-up to first response: ${startupMs.toFixed(1)} ms, goal < ${STARTUP_GOAL_MS} ms`,
      met: startupMs < STARTUP_GOAL_MS,
    });
  } finally {
    sim.child.disconnect();
    bare?.child.disconnect();
    // The copy of the build goes once the simulator that loaded it has stopped.
    if (sim.child.exitCode === null) await once(sim.child, 'exit');
    snapshot.dispose();
  }
  return {
    tables: [
      {
        title: 'Loopback throughput',
        head: [
          'path',
          'simulator',
          'bare node:http',
          'ratio',
          'sim CPU/req',
          'bare CPU/req',
          `goal >= ${RATIO_GOAL}x`,
        ],
        rows,
      },
    ],
    notes: [
      `collate over loopback, autocannon with ${CONNECTIONS} connections from this process; each server in a child process (the simulator from the built package); ${ROUNDS} rounds of one ${RUN_SECONDS} s run per server after ${WARM_UP_SECONDS} s warm-up (${FIRST_WARM_UP_SECONDS} s before the first row, while each process's JIT compiles), the first server alternating; the bare server returns the same status, headers and body.`,
      `start-up to first response ${startupMs.toFixed(1)} ms after loading the simulator module (${importMs.toFixed(1)} ms).`,
    ],
    goals,
  };
}

export const simulatorSuite: Suite = {
  name: 'simulator',
  title: 'Simulator requests per second against a bare node:http server (autocannon), and start-up',
  run: benchSimulator,
};
