import { describe, expect, it } from 'vitest';
import { checklistFor } from '../../src/conformance/checklist.js';
import {
  behaviourFor,
  scenarioDataFor,
  scenariosFor,
  statusScenariosFor,
} from '../../src/scenarios/index.js';
import {
  factsNamedBy,
  MissingFactError,
  operationPath,
  requestsOf,
  resolveRequest,
} from '../../src/scenarios/resolve.js';
import type { ScenarioRequest, VendorCredentials } from '../../src/scenarios/types.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';
import { vendorIds } from '../../src/vendors/registry.js';

/** Every request a vendor's scenario data sends: code and status scenarios, the behaviour data. */
function requestsOfVendor(vendorId: (typeof vendorIds)[number]): ScenarioRequest[] {
  const behaviour = behaviourFor(vendorId);
  return [
    ...scenariosFor(vendorId).flatMap((scenario) => requestsOf<ScenarioRequest>(scenario)),
    ...statusScenariosFor(vendorId).flatMap((scenario) => requestsOf<ScenarioRequest>(scenario)),
    behaviour.read,
    behaviour.create.request,
  ];
}

describe.each(vendorIds)('%s scenario data', (vendorId) => {
  const vocabulary = scenarioDataFor(vendorId);
  const requests = requestsOfVendor(vendorId);

  it('writes every request against a declared operation, never a literal path', () => {
    expect(requests.filter((request) => request.path !== undefined)).toEqual([]);
    const undeclared = requests.filter((request) => !(request.operation in vocabulary.operations));
    expect(undeclared.map((request) => request.operation)).toEqual([]);
  });

  it('names only facts its vocabulary declares', () => {
    const named = new Set(requests.flatMap(factsNamedBy));
    expect([...named].filter((name) => !(name in vocabulary.facts))).toEqual([]);
  });

  it('is satisfied by the simulator: every fact without a default has a seeded value', () => {
    const { facts } = vendorModels[vendorId].credentials('http://127.0.0.1');
    const needed = Object.entries(vocabulary.facts).filter(([, spec]) => spec.default === undefined);
    expect(needed.map(([name]) => name).filter((name) => facts[name] === undefined)).toEqual([]);
  });

  it('has no two checks that send the identical request', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const check of checklistFor(vendorId)) {
      if (!('scenario' in check)) continue;
      const { setup, background, request } = check.scenario;
      const key = JSON.stringify({ setup, background, request });
      const first = seen.get(key);
      if (first) repeated.push(`${check.id} repeats ${first}`);
      else seen.set(key, check.id);
    }
    expect(repeated).toEqual([]);
  });
});

describe('resolving a request for one deployment', () => {
  const binding = (
    facts: Record<string, string>,
    operations: Record<string, string> = {},
  ): VendorCredentials => ({
    vendorId: 'collate',
    roles: {},
    facts,
    operations: Object.fromEntries(Object.entries(operations).map(([name, path]) => [name, { path }])),
  });
  const confirm: ScenarioRequest = {
    method: 'POST',
    operation: 'confirm',
    params: { id: '{{facts.waitingAuthorizationId}}' },
    json: { note: '{{facts.questionLinkId}}' },
  };

  it('follows a moved parent operation into the operations whose reference path builds on it', () => {
    const moved = binding(
      { waitingAuthorizationId: 'PA-9', questionLinkId: 'q1' },
      { authorizations: '/api/v2/pa' },
    );
    expect(resolveRequest(moved, confirm)).toMatchObject({
      path: '/api/v2/pa/PA-9/confirm',
      json: { note: 'q1' },
    });
  });

  it.each([
    ['a quote', 'ab"c'],
    ['a member to inject', 'x","admin":true,"y":"z'],
    ['a backslash', 'C:\\new\\table'],
  ])('fills a fact holding %s into a body as data, adding no member', (_what, value) => {
    const resolved = resolveRequest(binding({ waitingAuthorizationId: 'PA-9', questionLinkId: value }), {
      ...confirm,
      json: { note: '{{facts.questionLinkId}}', items: [{ link: 'see {{facts.questionLinkId}}' }] },
    });
    expect(resolved.json).toEqual({ note: value, items: [{ link: `see ${value}` }] });
  });

  it('takes a configured operation path as it is, with its own {param}s', () => {
    const configured = binding(
      { waitingAuthorizationId: 'PA-9', questionLinkId: 'q1' },
      { confirm: '/do/{id}/approve' },
    );
    expect(resolveRequest(configured, confirm).path).toBe('/do/PA-9/approve');
  });

  it('names every fact that has neither a value nor a default', () => {
    const error = (() => {
      try {
        resolveRequest(binding({}), confirm);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MissingFactError);
    expect((error as MissingFactError).facts).toEqual(['waitingAuthorizationId', 'questionLinkId']);
  });

  it('falls back to a fact’s default where the deployment gives none', () => {
    const stale: ScenarioRequest = { method: 'GET', operation: 'file', params: { id: '{{facts.staleId}}' } };
    expect(resolveRequest(binding({}), stale).path).toBe('/v1/files/missing_{{unique}}');
    expect(resolveRequest(binding({ staleId: 'gone' }), stale).path).toBe('/v1/files/gone');
  });

  it('sends an unconfigured token operation to the valid client’s token URL', () => {
    const claimrev: VendorCredentials = {
      vendorId: 'claimrev',
      roles: {
        valid: {
          kind: 'oauthClient',
          clientId: 'c',
          clientSecret: 's',
          scope: '',
          tokenUrl: 'https://id.example/token',
        },
      },
      facts: {},
    };
    expect(operationPath(claimrev, 'token')).toBe('https://id.example/token');
    expect(operationPath({ ...claimrev, operations: { token: { path: '/auth/token' } } }, 'token')).toBe(
      '/auth/token',
    );
  });
});
