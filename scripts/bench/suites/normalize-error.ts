/**
 * How much normalizeError costs on top of the JSON.parse every client does anyway: for each
 * vendor, a ~300-byte error body of its documented shape is normalized and, in the same process,
 * parsed bare. Both forms a client may hold are measured: the bytes off the wire (the bare side
 * decodes them, as it must before parsing) and text already decoded. Goal: at most 1.5x.
 */
import { getVendor, normalizeError, type VendorId, vendorIds } from '../../../src/index.js';
import { median, roundOrder, runSlice } from '../measure.js';
import { verdict } from '../report.js';
import type { Goal, Suite, SuiteResult } from '../suite.js';

const TARGET_BYTES = 300;
/** Calls per sample: one call takes about a microsecond, below what a timer can tell apart. */
const BATCH = 200;
const GOAL_RATIO = 1.5;

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

/** The status the catalog documents for the body's code, so the bench measures a conforming error. */
function statusOf(vendorId: VendorId, body: string): number {
  const code = /"code":"([a-z_]+)"/.exec(body)?.[1];
  return getVendor(vendorId).catalog.find((entry) => entry.code === code)?.status ?? 400;
}

const headers = {
  'content-type': 'application/json',
  'retry-after': '2',
  date: 'Tue, 31 Mar 2026 12:00:00 GMT',
};
const now = () => Date.UTC(2026, 2, 31, 12);
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Untimed CPU time per task before the first round, then rounds of one CPU-time slice per task. */
const TIMING = { warmupMs: 100, rounds: 7, sliceMs: 40 };

/**
 * Nanoseconds per call of each task, the median over interleaved rounds of CPU-time slices (see
 * measure.ts): on a loaded machine, wall time charged the waits for a core to whichever task ran.
 */
function perCallNs(tasks: ReadonlyArray<{ name: string; loop: () => void }>): Map<string, number> {
  for (const { loop } of tasks) runSlice(loop, BATCH, TIMING.warmupMs);
  const rates = new Map<string, number[]>(tasks.map(({ name }) => [name, []]));
  for (let round = 0; round < TIMING.rounds; round++) {
    for (const { name, loop } of roundOrder(tasks, round))
      rates.get(name)?.push(runSlice(loop, BATCH, TIMING.sliceMs));
  }
  return new Map([...rates].map(([name, perSecond]) => [name, 1e9 / median(perSecond)]));
}

interface Case {
  vendorId: VendorId;
  form: 'bytes' | 'text';
  body: string | Uint8Array;
  parse: () => unknown;
  size: number;
}

function casesFor(vendorId: VendorId): Case[] {
  const text = bodyOf(vendorId);
  const bytes = encoder.encode(text);
  return [
    {
      vendorId,
      form: 'bytes',
      body: bytes,
      parse: () => JSON.parse(decoder.decode(bytes)),
      size: bytes.byteLength,
    },
    { vendorId, form: 'text', body: text, parse: () => JSON.parse(text), size: bytes.byteLength },
  ];
}

export async function benchNormalizeError(): Promise<SuiteResult> {
  const cases = vendorIds.flatMap(casesFor);
  let sink = 0;
  const tasks = cases.flatMap(({ vendorId, form, body, parse }) => {
    const status = statusOf(vendorId, typeof body === 'string' ? body : decoder.decode(body));
    return [
      {
        name: `${vendorId} ${form} JSON.parse`,
        loop: () => {
          for (let index = 0; index < BATCH; index++) sink += parse() === null ? 1 : 0;
        },
      },
      {
        name: `${vendorId} ${form} normalizeError`,
        loop: () => {
          for (let index = 0; index < BATCH; index++) {
            sink += normalizeError(vendorId, { status, headers, body }, { now }).status;
          }
        },
      },
    ];
  });
  const nsPerCall = perCallNs(tasks);
  const timing = (name: string) => {
    const ns = nsPerCall.get(name);
    if (ns === undefined) throw new Error(`benchmark ${name} did not run`);
    return ns;
  };

  const rows: string[][] = [];
  const goals: Goal[] = [];
  for (const { vendorId, form, size } of cases) {
    const parse = timing(`${vendorId} ${form} JSON.parse`);
    const normalize = timing(`${vendorId} ${form} normalizeError`);
    const ratio = normalize / parse;
    rows.push([
      vendorId,
      form,
      String(size),
      `${parse.toFixed(0)} ns`,
      `${normalize.toFixed(0)} ns`,
      `${ratio.toFixed(2)}x`,
      verdict(ratio <= GOAL_RATIO),
    ]);
    goals.push({
      description: `normalizeError ${vendorId} ${form}: ${ratio.toFixed(2)}x JSON.parse, goal <= ${GOAL_RATIO}x`,
      met: ratio <= GOAL_RATIO,
    });
  }
  // Keeps the engine from discarding the work as unused.
  if (sink === Number.MIN_SAFE_INTEGER) rows.push([]);
  return {
    tables: [
      {
        title: 'Per call',
        head: ['vendor', 'input', 'bytes', 'JSON.parse', 'normalizeError', 'ratio', `goal <= ${GOAL_RATIO}x`],
        rows,
      },
    ],
    notes: [
      `~${TARGET_BYTES}-byte error bodies, ${BATCH} calls per batch, in one process: ${TIMING.warmupMs} ms warm-up per task, then ${TIMING.rounds} interleaved rounds of one ${TIMING.sliceMs} ms CPU-time slice per task, median round; the bare parse of the same bytes is the baseline.`,
    ],
    goals,
  };
}

export const normalizeErrorSuite: Suite = {
  name: 'normalize',
  title: 'normalizeError against a bare JSON.parse of the same body',
  run: benchNormalizeError,
};
