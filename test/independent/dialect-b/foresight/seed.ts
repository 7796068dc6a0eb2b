import { createIntegerIds, freshSecret, freshUuid } from '../kit/ids.js';
import type { Claim, ForesightKey, ForesightState, Scope } from './state.js';

export type KeyName = 'fullKey' | 'readOnlyKey' | 'expiredKey' | 'revokedKey' | 'otherOrgKey';

export interface ForesightSeed {
  state: ForesightState;
  keys: Record<KeyName, ForesightKey>;
  facts: Record<string, string | number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ALL_SCOPES: Scope[] = ['claims:read', 'claims:write', 'eligibility:write'];

export function seedForesight(nowMs: number): ForesightSeed {
  const nextId = createIntegerIds();
  const ownOrg = `org_${freshSecret('', 8)}`;
  const otherOrg = `org_${freshSecret('', 8)}`;
  const key = (orgId: string, scopes: Scope[], change: Partial<ForesightKey> = {}): ForesightKey => ({
    value: freshSecret('fs_test_'),
    orgId,
    scopes: new Set(scopes),
    expiresAtMs: nowMs + 90 * DAY_MS,
    revoked: false,
    ...change,
  });
  const keys: Record<KeyName, ForesightKey> = {
    fullKey: key(ownOrg, ALL_SCOPES),
    readOnlyKey: key(ownOrg, ['claims:read']),
    expiredKey: key(ownOrg, ALL_SCOPES, { expiresAtMs: nowMs - DAY_MS }),
    revokedKey: key(ownOrg, ALL_SCOPES, { revoked: true }),
    otherOrgKey: key(otherOrg, ALL_SCOPES),
  };
  const patientId = freshUuid();
  const otherOrgPatientId = freshUuid();
  const claims = new Map<number, Claim>();
  const addClaim = (orgId: string, change: Partial<Claim> = {}): number => {
    const id = nextId();
    claims.set(id, {
      id,
      orgId,
      patientId: orgId === ownOrg ? patientId : otherOrgPatientId,
      claimType: 'professional',
      totalChargeCents: 18_500,
      admissionDate: '2026-03-02',
      externalId: `EXT-${id}`,
      deleted: false,
      broken: false,
      ...change,
    });
    return id;
  };
  const claimId = addClaim(ownOrg);
  return {
    state: {
      keys: Object.values(keys),
      patients: new Map([
        [patientId, ownOrg],
        [otherOrgPatientId, otherOrg],
      ]),
      claims,
      nextId,
    },
    keys,
    facts: {
      organizationId: ownOrg,
      patientId,
      otherOrgPatientId,
      unknownPatientId: freshUuid(),
      claimId,
      existingExternalId: `EXT-${claimId}`,
      deletedClaimId: addClaim(ownOrg, { deleted: true }),
      otherOrgClaimId: addClaim(otherOrg),
      brokenClaimId: addClaim(ownOrg, { broken: true }),
      unknownClaimId: nextId() + 1_000_000,
    },
  };
}
