import type { DialectCredential, DialectDirectory, DialectOperation } from '../types.js';
import { IDEMPOTENCY_WINDOW_MS } from './create.js';
import { MAX_JSON_BODY_BYTES, MAX_UPLOAD_BYTES } from './limits.js';
import { OPERATIONS } from './operations.js';
import { GRANT_LIFETIME_MS, type Seeded } from './seed.js';

/** What a started Collate sandbox tells its users: operations, keys, seeded facts, failing records, limits. */

export function describeCollate(baseUrl: string, seeded: Seeded): DialectDirectory {
  const { facts } = seeded;
  const operations: Record<string, DialectOperation> = {};
  for (const operation of OPERATIONS) {
    const described: DialectOperation = {
      method: operation.method,
      path: operation.exampleQuery ? `${operation.path}?${operation.exampleQuery}` : operation.path,
      summary: operation.exampleParams
        ? `${operation.summary} Example on ${Object.entries(operation.exampleParams)
            .map(([param, fact]) => `${param} = fact ${fact}`)
            .join(', ')}.`
        : operation.summary,
    };
    if (operation.body === 'json') described.contentType = 'application/json';
    if (operation.body === 'upload') described.contentType = 'application/pdf';
    if (operation.example) described.body = operation.example(facts);
    if (operation.idPointer) described.idPointer = operation.idPointer;
    operations[operation.name] = described;
  }
  const credentials: Record<string, DialectCredential> = {};
  for (const [name, value] of Object.entries(seeded.keyValues)) {
    credentials[name] = { kind: 'header', header: 'Authorization', value: `Bearer ${value}` };
  }
  const failingId = facts.failingAuthorizationId ?? 0;
  return {
    baseUrl,
    operations,
    credentials,
    facts: { ...facts },
    failing: [
      {
        operation: 'getAuthorization',
        params: { authorizationId: failingId },
        provokes: 'workflow_backend_unavailable',
        status: 503,
      },
      {
        operation: 'patchAnswers',
        params: { authorizationId: failingId },
        body: { answers: [{ linkId: 'laterality', value: 'left' }] },
        provokes: 'workflow_backend_unavailable',
        status: 503,
      },
    ],
    limits: {
      maxUploadBytes: MAX_UPLOAD_BYTES,
      maxJsonBodyBytes: MAX_JSON_BODY_BYTES,
      accessGrantLifetimeSeconds: GRANT_LIFETIME_MS / 1000,
      idempotencyWindowSeconds: IDEMPOTENCY_WINDOW_MS / 1000,
    },
  };
}
