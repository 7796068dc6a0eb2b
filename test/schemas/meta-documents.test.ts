import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendors, readJson } from '../../scripts/codegen/load-vendors.js';
import { getVendor, vendorIds } from '../../src/index.js';
import { exchangesToken } from '../../src/vendors/authentication.js';
import { schemasDir } from '../helpers/paths.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of schemas/ with one file replaced, to prove the meta schemas reject bad documents. */
function schemasWith(file: string, mutate: (value: unknown) => unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ec-schemas-'));
  scratch.push(dir);
  cpSync(schemasDir, dir, { recursive: true });
  writeFileSync(join(dir, file), JSON.stringify(mutate(readJson(join(schemasDir, file)))));
  return dir;
}

describe('catalog and policy files', () => {
  it('all validate against the meta schemas', () => {
    expect(() => loadVendors(schemasDir)).not.toThrow();
  });

  it.each([
    [
      'a catalog entry without a status',
      'collate/catalog.json',
      (c: Array<Record<string, unknown>>) => [{ ...c[0], status: undefined }, ...c.slice(1)],
      /collate\/catalog\.json\/0: must have required property 'status'/,
    ],
    [
      'an inferred status without reasoning',
      'foresight/catalog.json',
      (c: Array<Record<string, unknown>>) => [
        { ...c[0], source: { code: 'documented', status: 'inferred' } },
      ],
      /foresight\/catalog\.json\/0\/source: must have required property 'reasoning'/,
    ],
    [
      'an action outside the vocabulary',
      'denialbase/catalog.json',
      (c: Array<Record<string, unknown>>) => [{ ...c[0], action: 'panic' }],
      /denialbase\/catalog\.json\/0\/action: must be equal to one of the allowed values/,
    ],
    [
      'a duplicated code',
      'casexchange/catalog.json',
      (c: Array<Record<string, unknown>>) => [...c, c[0]],
      /code "invalid_api_key" appears twice/,
    ],
  ])('reject %s, naming file and path', (_label, file, mutate, message) => {
    expect(() => loadVendors(schemasWith(file, mutate as (v: unknown) => unknown))).toThrow(message);
  });

  it('reject a policy whose retry schedule is missing, naming file and path', () => {
    const dir = schemasWith('claimrev/policy.json', (p) => ({ ...(p as object), retry: undefined }));
    expect(() => loadVendors(dir)).toThrow(/claimrev\/policy\.json\/: must have required property 'retry'/);
  });

  const exchanging = vendorIds.filter((id) => exchangesToken(getVendor(id).policy.authentication));

  it('has a token-exchange vendor to try the next rule on', () => {
    expect(exchanging.length).toBeGreaterThan(0);
  });

  it.each(exchanging)(
    'reject a token exchange without its token endpoint (%s), naming file and path',
    (id) => {
      const dir = schemasWith(`${id}/policy.json`, (p) => {
        const policy = p as { authentication: Record<string, unknown> };
        return { ...policy, authentication: { ...policy.authentication, tokenEndpoint: undefined } };
      });
      expect(() => loadVendors(dir)).toThrow(
        new RegExp(`${id}/policy\\.json/authentication: must have required property 'tokenEndpoint'`),
      );
    },
  );
});

describe('catalog and policy agree with each other', () => {
  it.each(vendorIds)('%s: every catalog status has a row in the status table', (id) => {
    const { catalog, policy } = getVendor(id);
    const statuses = new Set(policy.statuses.map((rule) => rule.status));
    const missing = catalog
      .filter((entry) => !statuses.has(entry.status))
      .map((e) => `${e.code} ${e.status}`);
    expect(missing).toEqual([]);
  });

  it.each(vendorIds)(
    '%s: an entry is retryable exactly when the retry policy repeats its status or code',
    (id) => {
      const { catalog, policy } = getVendor(id);
      for (const entry of catalog) {
        const repeated =
          policy.retry.retryableStatuses.includes(entry.status) ||
          (policy.retry.retryableCodes ?? []).includes(entry.code);
        expect(entry.retryable, entry.code).toBe(repeated);
      }
    },
  );

  it.each(vendorIds)('%s: codes named by the policy are in the catalog with the same status', (id) => {
    const { catalog, policy } = getVendor(id);
    const named = [
      policy.rateLimit.code && policy.rateLimit.status
        ? { code: policy.rateLimit.code, status: policy.rateLimit.status }
        : null,
      policy.idempotency.mismatch ?? null,
      policy.idempotency.inFlight ?? null,
      policy.authentication.secondFactor ?? null,
    ].filter((value) => value !== null);
    for (const { code, status } of named) {
      expect(catalog.find((entry) => entry.code === code)?.status, code).toBe(status);
    }
  });

  it.each(vendorIds)('%s: the request id example matches its own pattern', (id) => {
    const { requestId } = getVendor(id).policy;
    if (requestId.promised) expect(requestId.example).toMatch(new RegExp(requestId.pattern ?? '(?!)'));
    else expect(requestId.pointer).toBeUndefined();
  });
});
