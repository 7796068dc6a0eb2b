/**
 * Measures the simulator's memory (RSS) under the abuse cases of issue 12, over 127.0.0.1 only and
 * with bounded counts: requests held by a ten-minute delay fault whose clients leave, a flood of
 * made-up API keys, and concurrent large uploads. The simulator runs as `serve` in a child process,
 * so the figures are the server's alone. Linux only (reads /proc/<pid>/status).
 *
 *   npx tsx scripts/abuse/memory.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type ClientRequest, request } from 'node:http';
import { join } from 'node:path';
import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import { resolveRequest } from '../../src/scenarios/resolve.js';
import type { ScenarioRequest } from '../../src/scenarios/types.js';
import { vendorScenarios } from '../../src/scenarios/vendors/index.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';

const root = join(import.meta.dirname, '..', '..');
const HELD = 3_000;
const JUNK_KEYS = 5_000;
const UPLOADS = 8;
const UPLOAD_BYTES = 40 * 1024 * 1024;

/** A request of the vendor's scenario data as `serve` takes it: under the /<vendor> prefix. */
function servedPath(vendorId: VendorId, request: ScenarioRequest): string {
  const binding = vendorModels[vendorId].credentials('http://127.0.0.1');
  return `/${vendorId}${resolveRequest(binding, request).path}`;
}

/** The first vendor that meets a case's need, or an error saying what no vendor has. */
function vendorWhere(need: string, test: (vendorId: VendorId) => boolean): VendorId {
  const found = vendorIds.find(test);
  if (!found) throw new Error(`No vendor ${need}.`);
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = (pid: number) => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
};

async function startServe(): Promise<{ child: ChildProcess; port: string; pid: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    if (out.length < 100_000) out += chunk.toString();
  });
  for (let i = 0; i < 300 && !/listening on 127\.0\.0\.1:(\d+)/.test(out); i++) await sleep(100);
  const port = /listening on 127\.0\.0\.1:(\d+)/.exec(out)?.[1];
  if (!port || child.pid === undefined) throw new Error('serve did not start');
  return { child, port, pid: child.pid };
}

async function stop(child: ChildProcess): Promise<string> {
  const exited = new Promise<string>((resolve) => child.once('exit', () => resolve('exited')));
  const started = Date.now();
  child.kill('SIGTERM');
  const outcome = await Promise.race([exited, sleep(5_000).then(() => 'still running after 5 s')]);
  if (outcome !== 'exited') {
    child.kill('SIGKILL');
    await exited;
    return outcome;
  }
  return `exited in ${Date.now() - started} ms`;
}

function send(port: string, path: string, headers: Record<string, string>): ClientRequest {
  const req = request({ host: '127.0.0.1', port, path, headers, agent: false });
  req.on('error', () => {});
  req.on('response', (res) => res.resume());
  req.end();
  return req;
}

async function heldCase(): Promise<Record<string, string | number>> {
  const { child, port, pid } = await startServe();
  const before = rssMb(pid);
  const held: ClientRequest[] = [];
  // Spread over every vendor's repeatable read: a delay fault holds any route.
  const paths = vendorIds.map((vendorId) => servedPath(vendorId, vendorScenarios[vendorId].behaviour.read));
  for (let i = 0; i < HELD; i++) {
    held.push(send(port, paths[i % paths.length] ?? '/', { 'x-simulator-fault': 'delay=600000' }));
    if (i % 200 === 199) await sleep(20);
  }
  await sleep(1_500);
  const whileHeld = rssMb(pid);
  for (const req of held) req.destroy();
  await sleep(2_000);
  const afterLeaving = rssMb(pid);
  const shutdown = await stop(child);
  return {
    case: `${HELD} held requests`,
    startMb: before,
    whileHeldMb: whileHeld,
    afterClientsLeftMb: afterLeaving,
    firstSigterm: shutdown,
  };
}

async function junkKeysCase(): Promise<Record<string, string | number>> {
  const { child, port, pid } = await startServe();
  const before = rssMb(pid);
  const filler = 'x'.repeat(8 * 1024);
  const vendorId = vendorWhere(
    'takes an API key',
    (id) => getVendor(id).policy.authentication.scheme === 'api_key',
  );
  const path = servedPath(vendorId, vendorScenarios[vendorId].behaviour.read);
  const header = getVendor(vendorId).policy.authentication.header.toLowerCase();
  for (let i = 0; i < JUNK_KEYS; i += 50) {
    await Promise.all(
      Array.from(
        { length: 50 },
        (_, j) =>
          new Promise<void>((resolve) => {
            const req = send(port, path, { [header]: `junk-${i + j}-${filler}` });
            req.on('close', () => resolve());
          }),
      ),
    );
  }
  await sleep(500);
  const after = rssMb(pid);
  const shutdown = await stop(child);
  return { case: `${JUNK_KEYS} junk 8 KB API keys`, startMb: before, afterMb: after, firstSigterm: shutdown };
}

async function uploadsCase(): Promise<Record<string, string | number>> {
  const { child, port, pid } = await startServe();
  const before = rssMb(pid);
  const chunk = Buffer.alloc(1024 * 1024, 1);
  // A vendor whose body limit is above the upload, so the server reads each one rather than refusing it.
  const vendorId = vendorWhere(
    `accepts a ${UPLOAD_BYTES} byte body`,
    (id) => vendorModels[id].maxBodyBytes > UPLOAD_BYTES,
  );
  const path = servedPath(vendorId, vendorScenarios[vendorId].behaviour.create.request);
  const uploads: ClientRequest[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < UPLOADS; i++) {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(UPLOAD_BYTES + 1) },
    });
    req.on('error', () => {});
    req.on('response', (res) => {
      statuses.push(res.statusCode ?? 0);
      res.resume();
    });
    uploads.push(req);
  }
  // Every upload sends all but its last byte, so the server holds what it has read.
  for (let mb = 0; mb < UPLOAD_BYTES / chunk.length; mb++) {
    for (const req of uploads) if (!req.destroyed) req.write(chunk);
    await sleep(5);
  }
  await sleep(1_500);
  const peak = rssMb(pid);
  for (const req of uploads) req.destroy();
  const shutdown = await stop(child);
  const refused = statuses.filter((status) => status === 503).length;
  return {
    case: `${UPLOADS} concurrent ${UPLOAD_BYTES / 1024 / 1024} MB uploads`,
    startMb: before,
    peakMb: peak,
    refused503: refused,
    firstSigterm: shutdown,
  };
}

const results = [await heldCase(), await junkKeysCase(), await uploadsCase()];
for (const row of results) console.log(JSON.stringify(row));
