import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorId } from '../../src/vendors/registry.js';
import { codeOf, requestIdOf, signatureOf } from './answers.js';
import { type BugId, bugRegistry, bugsWithoutOverride, vendorOfBug } from './bugs.js';
import { type Answer, call } from './call.js';
import { type DocumentedCase, promisesRequestId } from './cases.js';
import { type IndependentVendors, startIndependentVendors } from './index.js';
import type { VendorDirectory } from './types.js';
import { type IndependentVendorModule, loadIndependentVendors } from './vendors.js';

const LOADED = await loadIndependentVendors();
const VENDORS = LOADED.map((vendor) => vendor.id as VendorId);
const MODULES = new Map(LOADED.map((vendor) => [vendor.id, vendor]));
const moduleOf = (vendorId: string) => MODULES.get(vendorId) as IndependentVendorModule;
const BUGS = bugRegistry(LOADED);
const BUG_IDS = [...BUGS.keys()];
const BUGS_WITHOUT_OVERRIDE = bugsWithoutOverride(BUGS);

/** ClaimRev's token cases send the valid client's own id and secret in the form they break. */
function withClientFacts(directory: VendorDirectory): VendorDirectory {
  const valid = directory.credentials.valid;
  if (valid?.kind !== 'oauthClient') return directory;
  return {
    ...directory,
    facts: { ...directory.facts, clientId: valid.clientId, clientSecret: valid.clientSecret },
  };
}

async function play(directory: VendorDirectory, entry: DocumentedCase): Promise<Answer> {
  for (const step of entry.before ?? [])
    for (let i = 0; i < (step.times ?? 1); i++) await call(directory, step.call);
  return call(directory, entry.call);
}

/** Every case of a vendor, in order, on servers of its own; the answers by case title. */
async function runAll(vendorId: VendorId, bugs: readonly BugId[] = []): Promise<Map<string, Answer>> {
  const started = await startIndependentVendors({ vendors: [vendorId], bugs });
  try {
    const directory = withClientFacts(started.directory[vendorId] as VendorDirectory);
    const answers = new Map<string, Answer>();
    for (const entry of moduleOf(vendorId).cases) answers.set(entry.title, await play(directory, entry));
    return answers;
  } finally {
    await started.close();
  }
}

describe.each(VENDORS)('the independent %s', (vendorId) => {
  let vendors: IndependentVendors;
  let directory: VendorDirectory;
  beforeAll(async () => {
    vendors = await startIndependentVendors({ vendors: [vendorId] });
    directory = withClientFacts(vendors.directory[vendorId] as VendorDirectory);
  });
  afterAll(() => vendors.close());

  it.each(moduleOf(vendorId).cases.map((entry) => [entry.title, entry] as const))(
    'answers %s as its page says',
    async (_title, entry) => {
      const answer = await play(directory, entry);
      expect(answer.status).toBe(entry.expect.status);
      if (entry.expect.code) expect(codeOf(vendorId, answer)).toBe(entry.expect.code);
      for (const header of entry.headers ?? []) expect(answer.headers[header]).toBeDefined();
      if (promisesRequestId(moduleOf(vendorId).requestIdOn, answer.status))
        expect(requestIdOf(vendorId, answer)).toMatch(/\S/);
      else if (answer.status >= 400) expect(requestIdOf(vendorId, answer)).toBeUndefined();
    },
  );
});

describe('seeded bugs', () => {
  it.each(VENDORS)(
    '%s has at least two that a plain sandbox run reaches, each bug breaking a different kind of rule',
    (vendorId) => {
      const kinds = BUG_IDS.filter((bug) => vendorOfBug(bug) === vendorId).map((bug) => BUGS.get(bug)?.rule);
      expect(kinds.length).toBeGreaterThanOrEqual(2);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(
        BUGS_WITHOUT_OVERRIDE.filter((bug) => vendorOfBug(bug) === vendorId).length,
      ).toBeGreaterThanOrEqual(2);
    },
  );

  const baselines = new Map<VendorId, Map<string, Answer>>();
  const baseline = async (vendorId: VendorId) => {
    const answers = baselines.get(vendorId) ?? (await runAll(vendorId));
    baselines.set(vendorId, answers);
    return answers;
  };

  it.each(BUG_IDS)('%s changes exactly the cases that name it', async (bug) => {
    const vendorId = vendorOfBug(bug) as VendorId;
    const [clean, broken] = [await baseline(vendorId), await runAll(vendorId, [bug])];
    const changed = moduleOf(vendorId)
      .cases.filter(
        (entry) =>
          signatureOf(vendorId, clean.get(entry.title) as Answer) !==
          signatureOf(vendorId, broken.get(entry.title) as Answer),
      )
      .map((entry) => entry.title);
    const named = moduleOf(vendorId)
      .cases.filter((entry) => entry.bugs?.includes(bug))
      .map((entry) => entry.title);
    expect(named.length).toBeGreaterThan(0);
    expect(changed).toEqual(named);
  });
});
