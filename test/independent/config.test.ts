import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import { parseRunConfig } from '../../src/runner/config/sandbox-config.js';
import type { VendorId } from '../../src/vendors/registry.js';
import { call } from './call.js';
import { sandboxConfig } from './config.js';
import { type IndependentVendors, startIndependentVendors } from './index.js';
import type { VendorDirectory } from './types.js';
import { independentVendorIds, loadIndependentVendor } from './vendors.js';

const VENDORS = independentVendorIds() as VendorId[];
const mappingOf = async (vendorId: VendorId) => (await loadIndependentVendor(vendorId)).sandbox;
/** The suite's scenario vocabulary, once the scenarios live in src/scenarios/. */
const SCENARIOS = fileURLToPath(new URL('../../src/scenarios/index.ts', import.meta.url));

let started: IndependentVendors;
beforeAll(async () => {
  started = await startIndependentVendors();
});
afterAll(() => started.close());

describe('the sandbox config written from the independent vendors’ directories', () => {
  it.each(VENDORS)(
    'gives %s every mapped operation as a path of its own, with the suite’s parameter names',
    async (vendorId) => {
      const mapping = await mappingOf(vendorId);
      const config = sandboxConfig(started.directory).vendors[vendorId];
      expect(Object.keys(config?.operations ?? {}).sort()).toEqual(Object.keys(mapping.operations).sort());
      for (const { path } of Object.values(config?.operations ?? {})) {
        expect(path).toMatch(/^\//);
        for (const [, param] of path.matchAll(/\{(\w+)\}/g)) expect(['id', 'handoffId']).toContain(param);
      }
      expect(Object.keys(config?.facts ?? {}).sort()).toEqual(
        expect.arrayContaining(Object.keys(mapping.facts)),
      );
    },
  );

  it.each(VENDORS)('reaches a real %s record through a configured operation and fact', async (vendorId) => {
    const config = sandboxConfig(started.directory).vendors[vendorId];
    const directory = started.directory[vendorId] as VendorDirectory;
    // The read its config names as its probe, sent the way the suite will: operation path + fact.
    const read = (await mappingOf(vendorId)).probe;
    const query = read.query?.replace(
      /\{\{facts\.(\w+)\}\}/g,
      (_whole, name: string) => config?.facts[name] ?? '',
    );
    const path = (config?.operations[read.operation]?.path.split('?')[0] ?? '').replace(
      '{id}',
      config?.facts[read.idFact] ?? '',
    );
    const route = Object.entries(directory.operations).find(
      ([, entry]) =>
        entry.method === 'GET' && new RegExp(`^${entry.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
    );
    expect(route).toBeDefined();
    const answer = await call(
      {
        ...directory,
        operations: { read: { method: 'GET', path: `${path}${query ? `?${query}` : ''}` } },
      },
      { operation: 'read' },
    );
    expect(answer.status).toBe(200);
  });

  it('is a config file the runner accepts (without operations until the runner knows them)', () => {
    const { vendors } = sandboxConfig(started.directory);
    // The runner learns `operations` with the scenario vocabulary (issue 11); before that, the
    // rest of the config must already parse.
    const accepted = existsSync(SCENARIOS)
      ? vendors
      : Object.fromEntries(
          Object.entries(vendors).map(([vendorId, { operations: _operations, ...rest }]) => [vendorId, rest]),
        );
    expect(() => parseRunConfig({ vendors: accepted }, 'independent config')).not.toThrow();
  });

  it.skipIf(!existsSync(SCENARIOS))(
    'covers every operation and every fact without a default in the suite’s scenario vocabulary, and names no other',
    async () => {
      const { scenarioDataFor } = (await import(SCENARIOS)) as {
        scenarioDataFor(vendorId: VendorId): {
          operations: Record<string, unknown>;
          facts: Record<string, { default?: string }>;
        };
      };
      for (const vendorId of VENDORS) {
        const vocabulary = scenarioDataFor(vendorId);
        const config = sandboxConfig(started.directory).vendors[vendorId];
        expect(Object.keys(config?.operations ?? {}).sort(), vendorId).toEqual(
          Object.keys(vocabulary.operations).sort(),
        );
        // A fact only the checks this config skips name (a field the API does not have) is not needed.
        const skipped = Object.keys(config?.checks ?? {});
        const named = (checks: { id: string }[]) => JSON.stringify(checks);
        const onlySkipped = (fact: string) => {
          const all = checklistFor(vendorId);
          const kept = all.filter((check) => !skipped.includes(check.id));
          return !named(kept).includes(`{{facts.${fact}}}`) && named(all).includes(`{{facts.${fact}}}`);
        };
        const needed = Object.entries(vocabulary.facts)
          .filter(([name, spec]) => spec.default === undefined && !onlySkipped(name))
          .map(([name]) => name);
        for (const fact of needed) expect(config?.facts[fact], `${vendorId} fact ${fact}`).toBeDefined();
        const unknown = Object.keys(config?.facts ?? {}).filter((fact) => !(fact in vocabulary.facts));
        expect(unknown, `${vendorId} facts the vocabulary does not declare`).toEqual([]);
      }
    },
  );
});
