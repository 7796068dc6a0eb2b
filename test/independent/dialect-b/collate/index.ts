import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DialectContext, DialectVendor } from '../types.js';
import { sendError, sendSuccess } from './answers.js';
import { authenticate, ORGANIZATION_HEADER } from './auth.js';
import { activeCollateBugs } from './bugs.js';
import type { Call, Sandbox } from './call.js';
import { describeCollate } from './directory.js';
import { CollateError } from './errors.js';
import { mediaType, readBodyWithCap, singleHeader } from './http.js';
import { MAX_JSON_BODY_BYTES, MAX_UPLOAD_BYTES } from './limits.js';
import { type CollateOperation, matchOperation } from './operations.js';
import { seedCollate } from './seed.js';
import { randomToken } from './state.js';

/**
 * Collate's sandbox: bearer keys, a prior-authorization workflow with seeded records in every
 * state a documented error needs, and Collate's single error envelope on every failure.
 */

function parseJson(operation: CollateOperation, contentType: string, bytes: Buffer): unknown {
  if (operation.body !== 'json' || bytes.length === 0) return {};
  if (contentType !== 'application/json') {
    throw new CollateError('bad_request', 'JSON operations need Content-Type: application/json.', {
      details: { header: 'Content-Type' },
    });
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new CollateError('bad_request', 'The request body is not valid JSON.');
  }
}

export function createVendor(context: DialectContext): DialectVendor {
  const seeded = seedCollate(context.now());
  const bugs = activeCollateBugs(context.bugs);
  const sandbox: Sandbox = { store: seeded.store, catalog: seeded.catalog, now: context.now, bugs };

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const method = req.method ?? 'GET';
    const key = authenticate(
      singleHeader(req, 'authorization'),
      singleHeader(req, ORGANIZATION_HEADER),
      seeded.keys,
      method !== 'GET',
    );
    let url: URL;
    let found: ReturnType<typeof matchOperation>;
    try {
      url = new URL(req.url ?? '/', 'http://collate.invalid');
      found = matchOperation(method, url.pathname);
    } catch {
      throw new CollateError('bad_request', 'The path is not well formed.');
    }
    if (!found.match) {
      throw new CollateError(
        'bad_request',
        found.pathKnown ? 'This method is not supported here.' : 'No such path.',
        {
          details: { method, path: url.pathname },
        },
      );
    }
    const { operation, params } = found.match;
    const contentType = mediaType(req);
    let bytes: Buffer = Buffer.alloc(0);
    if (operation.body !== 'none') {
      const limit = operation.body === 'upload' ? MAX_UPLOAD_BYTES : MAX_JSON_BODY_BYTES;
      const read = await readBodyWithCap(req, limit);
      if (read.kind === 'aborted') return;
      if (read.kind === 'tooLarge') {
        throw new CollateError('payload_too_large', `The body is larger than ${limit} bytes.`, {
          details: { maxBytes: limit },
        });
      }
      bytes = read.bytes;
    }
    const call: Call = {
      sandbox,
      key,
      params,
      query: url.searchParams,
      headers: req.headers,
      json: parseJson(operation, contentType, bytes),
      bytes,
      contentType,
    };
    sendSuccess(res, requestId, operation.handle(call));
  }

  return {
    handler(req, res) {
      const requestId = `req_${randomToken(10)}`;
      serve(req, res, requestId).catch((error: unknown) => {
        // An answer given before the body has arrived (oversize, or refused before reading) closes
        // the connection behind it, so the rest is never read.
        if (!req.complete) res.setHeader('Connection', 'close');
        if (error instanceof CollateError) {
          sendError(res, requestId, error, bugs);
          return;
        }
        sendError(
          res,
          requestId,
          new CollateError('workflow_backend_unavailable', 'Unexpected failure.'),
          bugs,
        );
      });
    },
    describe(baseUrl) {
      return describeCollate(baseUrl, seeded);
    },
  };
}
