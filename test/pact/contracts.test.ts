import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import { contractFile, writeContract } from '../../src/pact/consumer.js';
import { interactionsFor } from '../../src/pact/interactions.js';
import { statusScenariosFor } from '../../src/scenarios/index.js';
import { FAULT_HEADER, type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { committedContract, secretsOf } from './contract-data.js';

let dir = '';
let sim: RunningSimulator | undefined;
const simulator = () => {
  if (!sim) throw new Error('The simulator is not running.');
  return sim;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'error-contracts-pact-'));
  for (const vendorId of vendorIds) await writeContract(vendorId, dir);
  sim = await startSimulator();
});

afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(vendorIds)('the %s contract', (vendorId) => {
  it('is byte-identical when regenerated, so the committed file is current', async () => {
    expect(await readFile(contractFile(dir, vendorId), 'utf8')).toBe(committedContract(vendorId));
  });

  it('holds one interaction per derived spec, each with a provider state', () => {
    const contract = JSON.parse(committedContract(vendorId)) as {
      interactions: { description: string; providerStates: { name: string }[] }[];
    };
    const { interactions } = interactionsFor(vendorId);
    expect(contract.interactions.map((interaction) => interaction.description).sort()).toEqual(
      interactions.map((spec) => spec.description).sort(),
    );
    for (const interaction of contract.interactions) expect(interaction.providerStates).toHaveLength(1);
  });

  it('accounts for every catalog code and codeless status, as an interaction or left out with a reason', () => {
    const { interactions, leftOut } = interactionsFor(vendorId);
    const ids = [...interactions, ...leftOut].map((entry) => entry.id);
    const codes = checklistFor(vendorId).flatMap((check) =>
      check.kind === 'scenario' && check.id === `code.${check.code}` ? [check.id] : [],
    );
    expect(ids.filter((id) => id.startsWith('code.')).sort()).toEqual(codes.sort());
    expect(ids.filter((id) => id.startsWith('status.'))).toHaveLength(statusScenariosFor(vendorId).length);
    for (const path of leftOut) expect(path.reason.length).toBeGreaterThan(20);
  });

  it('carries no simulator fault header', () => {
    expect(committedContract(vendorId).toLowerCase()).not.toContain(FAULT_HEADER);
  });

  it('contains no credential value of any vendor', () => {
    const text = committedContract(vendorId);
    const secrets = vendorIds.flatMap((id) => secretsOf(simulator(), id));
    expect(secrets.length).toBeGreaterThan(20);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  });
});
