import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorId } from '../../src/vendors/registry.js';
import { codeOf, requestIdOf, signatureOf } from './answers.js';
import { BUG_IDS, BUGS, BUGS_WITHOUT_MAGIC, type BugId } from './bugs.js';
import { type Answer, call } from './call.js';
import { DOCUMENTED_CASES, type DocumentedCase } from './cases.js';
import { type IndependentVendors, startIndependentVendors } from './index.js';
import type { VendorDirectory } from './types.js';

const VENDORS = Object.keys(DOCUMENTED_CASES) as VendorId[];

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
    for (const entry of DOCUMENTED_CASES[vendorId]) answers.set(entry.title, await play(directory, entry));
    return answers;
  } finally {
    await started.close();
  }
}

/** Where this implementation promises a request id: every error but ClaimRev's and CaseXchange's 5xx. */
function promisesRequestId(vendorId: VendorId, answer: Answer): boolean {
  if (answer.status < 400 || vendorId === 'claimrev') return false;
  return !(vendorId === 'casexchange' && answer.status >= 500);
}

describe.each(VENDORS)('the independent %s', (vendorId) => {
  let vendors: IndependentVendors;
  let directory: VendorDirectory;
  beforeAll(async () => {
    vendors = await startIndependentVendors({ vendors: [vendorId] });
    directory = withClientFacts(vendors.directory[vendorId] as VendorDirectory);
  });
  afterAll(() => vendors.close());

  it.each(DOCUMENTED_CASES[vendorId].map((entry) => [entry.title, entry] as const))(
    'answers %s as its page says',
    async (_title, entry) => {
      const answer = await play(directory, entry);
      expect(answer.status).toBe(entry.expect.status);
      if (entry.expect.code) expect(codeOf(answer)).toBe(entry.expect.code);
      for (const header of entry.headers ?? []) expect(answer.headers[header]).toBeDefined();
      if (promisesRequestId(vendorId, answer)) expect(requestIdOf(answer)).toMatch(/\S/);
      else if (answer.status >= 400) expect(requestIdOf(answer)).toBeUndefined();
    },
  );
});

describe('seeded bugs', () => {
  it.each(VENDORS)(
    '%s has at least two that a plain sandbox run reaches, each bug breaking a different kind of rule',
    (vendorId) => {
      const kinds = BUG_IDS.filter((bug) => bug.startsWith(`${vendorId}.`)).map((bug) => BUGS[bug].rule);
      expect(kinds.length).toBeGreaterThanOrEqual(2);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(
        BUGS_WITHOUT_MAGIC.filter((bug) => bug.startsWith(`${vendorId}.`)).length,
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
    const vendorId = bug.split('.')[0] as VendorId;
    const [clean, broken] = [await baseline(vendorId), await runAll(vendorId, [bug])];
    const changed = DOCUMENTED_CASES[vendorId]
      .filter(
        (entry) =>
          signatureOf(clean.get(entry.title) as Answer) !== signatureOf(broken.get(entry.title) as Answer),
      )
      .map((entry) => entry.title);
    const named = DOCUMENTED_CASES[vendorId]
      .filter((entry) => entry.bugs?.includes(bug))
      .map((entry) => entry.title);
    expect(named.length).toBeGreaterThan(0);
    expect(changed).toEqual(named);
  });
});
