import { beforeAll, describe, expect, it } from 'vitest';
import { bugs, type CollateBug } from './bugs.js';
import { type CaseReply, COLLATE_CASES, type CollateCase } from './cases.js';
import { codeOf, startCollate } from './harness.js';

/** What a case's answer is judged on: status, code, which envelope members are present, issues. */
interface Outcome {
  status: number;
  code: string;
  members: string[];
  issueCount: number;
  sameAuthorization?: boolean;
}

function outcomeOf(reply: CaseReply): Outcome {
  const error = reply.body.error as Record<string, unknown> | undefined;
  const outcome: Outcome = {
    status: reply.status,
    code: codeOf(reply),
    members: [
      ...Object.keys(reply.body).filter((key) => key !== 'error'),
      ...Object.keys(error ?? {}).map((key) => `error.${key}`),
    ].sort(),
    issueCount: Array.isArray(error?.issues) ? error.issues.length : 0,
  };
  if (reply.sameAuthorization !== undefined) outcome.sameAuthorization = reply.sameAuthorization;
  return outcome;
}

async function runAll(bugs: string[]): Promise<Map<string, Outcome>> {
  const r = await startCollate({ bugs });
  try {
    const outcomes = new Map<string, Outcome>();
    for (const testCase of COLLATE_CASES) outcomes.set(testCase.name, outcomeOf(await testCase.run(r)));
    return outcomes;
  } finally {
    await r.close();
  }
}

/** The behaviour bugs' cases by name; answer bugs reach every case of their code (or every error). */
const BEHAVIOUR_CASE: Record<string, string> = {
  replayCreatesSecondAuthorization: 'exact replay of a keyed create',
  malformedIfMatchIgnored: 'malformed If-Match',
};

function affects(bug: CollateBug, testCase: CollateCase): boolean {
  if (bug.behaviour) return BEHAVIOUR_CASE[bug.behaviour] === testCase.name;
  if (bug.answer?.code) return testCase.expect.code === bug.answer.code;
  return testCase.expect.code !== '';
}

describe('Collate seeded bugs', () => {
  let baseline: Map<string, Outcome>;
  const withBug = new Map<string, Map<string, Outcome>>();
  beforeAll(async () => {
    // Each configuration runs on its own server, so they can run side by side.
    const [plain, ...buggy] = await Promise.all([runAll([]), ...bugs.map((bug) => runAll([bug.id]))]);
    baseline = plain ?? new Map();
    bugs.forEach((bug, index) => {
      withBug.set(bug.id, buggy[index] ?? new Map());
    });
  });

  it('refuse an unknown collate id and ignore other vendors’ ids', async () => {
    await expect(startCollate({ bugs: ['collate.no-such-bug'] })).rejects.toThrow(/collate\.no-such-bug/);
    const other = await startCollate({ bugs: ['claimrev.some-bug'] });
    try {
      const reply = await other.send('getAuthorization', { params: { authorizationId: 1 }, as: null });
      expect(Object.keys(reply.body).sort()).toEqual(['error', 'requestId']);
    } finally {
      await other.close();
    }
  });

  it('are one-rule data: unique ids in the vendor namespace, each either an answer or a behaviour change', () => {
    const ids = bugs.map((bug) => bug.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const bug of bugs) {
      expect(bug.id).toMatch(/^collate\.[a-z0-9-]+$/);
      expect(Boolean(bug.answer) !== Boolean(bug.behaviour)).toBe(true);
    }
  });

  for (const bug of bugs) {
    it(`${bug.id} changes the answer to the case of its rule`, () => {
      const outcomes = withBug.get(bug.id);
      const affected = COLLATE_CASES.filter((testCase) => affects(bug, testCase));
      expect(affected.length).toBeGreaterThan(0);
      for (const testCase of affected) {
        const before = baseline.get(testCase.name);
        const after = outcomes?.get(testCase.name);
        expect(after, testCase.name).not.toEqual(before);
        if (bug.answer?.status !== undefined) expect(after?.status).toBe(bug.answer.status);
        if (bug.answer?.dropMember) {
          expect([after?.status, after?.code]).toEqual([before?.status, before?.code]);
        }
      }
    });
  }

  it('leave the answers to every other case as they were', () => {
    for (const bug of bugs) {
      const outcomes = withBug.get(bug.id);
      for (const testCase of COLLATE_CASES.filter((candidate) => !affects(bug, candidate))) {
        expect(outcomes?.get(testCase.name), `${bug.id} / ${testCase.name}`).toEqual(
          baseline.get(testCase.name),
        );
      }
    }
  });
});
