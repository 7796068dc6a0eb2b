import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialVariable } from '../../src/runner/config/env-names.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { runCliProcess } from './cli-process.js';

/**
 * A fixtures hook that fails is a configuration problem: the run stops with exit 2 and a message
 * naming vendors.<id>.fixtures (docs/running.md, "The fixtures hook"), not exit 3.
 */
let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator();
  dir = await mkdtemp(join(tmpdir(), 'ec-fixtures-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a sandbox run whose fixtures hook fails', () => {
  it.each([
    [
      'throws',
      'export default async () => { throw new Error("no pending file: SENTINEL-hook-5e2d"); };\n',
      /failed: no pending file/,
    ],
    ['exports no function', 'export const facts = {};\n', /must export a function/],
  ])(
    'exits 2 naming vendors.collate.fixtures when the hook %s',
    async (label, source, said) => {
      const hook = join(dir, `${label.replace(/\W+/g, '-')}.mjs`);
      await writeFile(hook, source);
      const config = join(dir, `${label.replace(/\W+/g, '-')}.json`);
      await writeFile(
        config,
        JSON.stringify({ vendors: { collate: { baseUrl: sim.url('collate'), fixtures: hook } } }),
      );
      const env: Record<string, string> = { PACT_DO_NOT_TRACK: 'true' };
      for (const [role, credential] of Object.entries(sim.credentials('collate').roles)) {
        if (credential?.kind === 'header')
          env[credentialVariable('collate', role as 'valid')] = credential.value;
      }
      const run = await runCliProcess(
        ['run', '--target', 'sandbox', '--vendor', 'collate', '--config', config, '--quiet'],
        { env, timeoutMs: 90_000 },
      );
      expect(run.stderr).toMatch(/vendors\.collate\.fixtures/);
      expect(run.stderr).toMatch(said);
      expect(run.code).toBe(2);
    },
    120_000,
  );
});
