/** A minimal Collate cassette as its file holds it, with `members` replacing or adding members. */
export function cassetteJson(members: Record<string, unknown>): string {
  return JSON.stringify({
    format: 'error-contracts-cassette',
    version: 1,
    vendorId: 'collate',
    recordedAt: '2026-01-01T00:00:00.000Z',
    baseUrl: 'http://127.0.0.1:9/collate',
    roles: [],
    facts: [],
    limits: { maxBurst: 10, maxWaitMs: 1000 },
    checks: {},
    ...members,
  });
}
