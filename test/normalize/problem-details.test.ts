import { describe, expect, it } from 'vitest';
import {
  findCatalogEntry,
  normalizeError,
  PROBLEM_JSON_MEDIA_TYPE,
  toProblemDetails,
} from '../../src/index.js';
import { envelopeWithCode } from '../helpers/vendor-bodies.js';

describe('toProblemDetails', () => {
  it('gives a documented code its own type, the catalog description as title and the extensions', () => {
    const body = {
      error: {
        code: 'validation_failed',
        message: 'Two fields are wrong.',
        request_id: 'req_01ABC',
        details: [{ field: 'email', message: 'not an email' }],
      },
    };
    const normalized = normalizeError('denialbase', { status: 422, headers: { 'Retry-After': '3' }, body });
    expect(toProblemDetails(normalized)).toEqual({
      type: 'https://error-contracts.invalid/problems/denialbase/validation_failed',
      title: findCatalogEntry('denialbase', 'validation_failed')?.description,
      status: 422,
      detail: 'Two fields are wrong.',
      instance: 'urn:error-contracts:denialbase:request:req_01ABC',
      vendor: 'denialbase',
      code: 'validation_failed',
      category: 'validation',
      action: 'fix_request',
      retryable: false,
      requestId: 'req_01ABC',
      retryAfterMs: 3000,
      fieldErrors: [{ field: 'email', message: 'not an email' }],
    });
  });

  it('uses about:blank titled with the status phrase when there is no documented code', () => {
    const problem = toProblemDetails(normalizeError('claimrev', { status: 503, body: '<html></html>' }));
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Service Unavailable', status: 503 });
    expect(problem).not.toHaveProperty('instance');
  });

  it('leaves status out when the response had no valid HTTP status', () => {
    expect(toProblemDetails(normalizeError('foresight', { status: 'x' }))).not.toHaveProperty('status');
  });

  it('serialises to JSON that names the RFC 9457 members', () => {
    const normalized = normalizeError('collate', {
      status: 409,
      body: envelopeWithCode('collate', 'version_conflict', false),
    });
    const parsed = JSON.parse(JSON.stringify(toProblemDetails(normalized))) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance']),
    );
    expect(PROBLEM_JSON_MEDIA_TYPE).toBe('application/problem+json');
  });
});
