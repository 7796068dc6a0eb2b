/**
 * How much normalizeError costs on top of the JSON.parse every client does anyway: for each
 * vendor, a ~300-byte error body of its documented shape is normalized and, in the same process,
 * parsed bare. Goal: normalizing costs at most 2x the bare parse.
 */
import { Bench } from 'tinybench';
import { getVendor, normalizeError, type VendorId, vendorIds } from '../../src/index.js';

const TARGET_BYTES = 300;
/** Calls per sample: one call takes about a microsecond, below what a timer can tell apart. */
const BATCH = 200;
const GOAL_RATIO = 2;

/** The vendor's first schema example with its message padded until the body is ~300 bytes. */
function bodyOf(vendorId: VendorId): string {
  const examples = getVendor(vendorId).schema.examples;
  const example = (Array.isArray(examples) ? structuredClone(examples[0]) : {}) as Record<string, unknown>;
  const holder = (
    typeof example.error === 'object' && example.error !== null ? example.error : example
  ) as Record<string, unknown>;
  const base = JSON.stringify(example) ?? '';
  const message = typeof holder.message === 'string' ? holder.message : '';
  holder.message = `${message} ${'x'.repeat(Math.max(0, TARGET_BYTES - base.length - 1))}`.trim();
  return JSON.stringify(example) ?? '';
}

const headers = {
  'content-type': 'application/json',
  'retry-after': '2',
  date: 'Tue, 31 Mar 2026 12:00:00 GMT',
};
const now = () => Date.UTC(2026, 2, 31, 12);

function perCallNs(bench: Bench, name: string): number {
  const task = bench.getTask(name);
  const result = task?.result;
  if (!result || !('latency' in result)) throw new Error(`benchmark ${name} did not complete`);
  return (result.latency.mean * 1e6) / BATCH;
}

export async function benchNormalizeError(): Promise<string> {
  const bench = new Bench({ time: 400, warmup: true });
  const bodies = new Map(vendorIds.map((vendorId) => [vendorId, bodyOf(vendorId)]));
  let sink = 0;
  for (const [vendorId, body] of bodies) {
    const status = getVendor(vendorId).catalog[0]?.status ?? 400;
    bench.add(`${vendorId} JSON.parse`, () => {
      for (let index = 0; index < BATCH; index++) sink += JSON.parse(body) === null ? 1 : 0;
    });
    bench.add(`${vendorId} normalizeError`, () => {
      for (let index = 0; index < BATCH; index++) {
        sink += normalizeError(vendorId, { status, headers, body }, { now }).status;
      }
    });
  }
  await bench.run();

  const lines = [
    `normalizeError vs JSON.parse (~${TARGET_BYTES}-byte bodies, ${BATCH} calls per sample; goal <= ${GOAL_RATIO}x)`,
    `${'vendor'.padEnd(12)} ${'bytes'.padStart(5)} ${'JSON.parse'.padStart(12)} ${'normalize'.padStart(12)} ${'ratio'.padStart(7)}`,
  ];
  for (const [vendorId, body] of bodies) {
    const parse = perCallNs(bench, `${vendorId} JSON.parse`);
    const normalize = perCallNs(bench, `${vendorId} normalizeError`);
    const ratio = normalize / parse;
    lines.push(
      `${vendorId.padEnd(12)} ${String(body.length).padStart(5)} ${`${parse.toFixed(0)} ns`.padStart(12)} ${`${normalize.toFixed(0)} ns`.padStart(12)} ${`${ratio.toFixed(2)}x`.padStart(7)}${ratio <= GOAL_RATIO ? '' : '  over goal'}`,
    );
  }
  // Keeps the engine from discarding the work as unused.
  if (sink === Number.MIN_SAFE_INTEGER) lines.push('');
  return lines.join('\n');
}
