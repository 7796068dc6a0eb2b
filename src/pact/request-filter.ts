import { credentialHeaders } from '../scenarios/runner.js';
import type { VendorCredentials } from '../scenarios/types.js';
import { fillStandIns, roleOfStandIn } from './placeholders.js';

/** The parts of an Express request the filter touches (Pact's verifier proxy is Express). */
interface ProxiedRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}
type Next = (error?: unknown) => void;

/**
 * Middleware for Pact's verifier proxy that puts real credentials where the contract has
 * stand-ins: a credential header becomes the role's real one (an OAuth client's token is
 * fetched first), and a secret in a form or JSON body is filled in. `credentials` is read per
 * request, so a provider that forgets tokens between states is asked for a fresh one.
 *
 * The first member recovers bodies the proxy failed to parse (its JSON parser rejects any body
 * that is not JSON) so they are passed on as sent; the second injects the credentials.
 */
export function credentialFilter(credentials: () => VendorCredentials): unknown[] {
  const recover = (error: unknown, req: ProxiedRequest, _res: unknown, next: Next) => {
    const failed = error as { type?: string; body?: unknown };
    if (failed?.type !== 'entity.parse.failed' || typeof failed.body !== 'string') return next(error);
    req.body = Buffer.from(failed.body);
    next();
  };
  const inject = (req: ProxiedRequest, _res: unknown, next: Next) => {
    injectCredentials(req, credentials()).then(() => next(), next);
  };
  return [recover, inject];
}

async function injectCredentials(req: ProxiedRequest, credentials: VendorCredentials): Promise<void> {
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value !== 'string') continue;
    const role = roleOfStandIn(value);
    if (!role) {
      // A secret fact in a header (a key of another environment) is filled like a body's.
      const filled = fillStandIns(value, credentials);
      if (filled !== value) req.headers[name] = filled;
      continue;
    }
    delete req.headers[name];
    Object.assign(req.headers, await credentialHeaders(credentials, role));
  }
  const text = bodyText(req);
  if (text === undefined) return;
  const filled = fillStandIns(text, credentials);
  // Bodies without a stand-in (the proxy's own state calls among them) are left as parsed.
  if (filled === text) return;
  // The proxy forwards req.body as bytes when it is a Buffer; keep its length honest.
  const bytes = Buffer.from(filled);
  req.body = bytes;
  req.headers['content-length'] = String(bytes.length);
}

/** The body as sent: the proxy's parsers turn forms and JSON into objects, which are put back. */
function bodyText(req: ProxiedRequest): string | undefined {
  const { body } = req;
  if (Buffer.isBuffer(body)) return body.length > 0 ? body.toString('utf8') : undefined;
  if (typeof body !== 'object' || body === null || Object.keys(body).length === 0) return undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (/x-www-form-urlencoded/i.test(type)) {
    return new URLSearchParams(Object.entries(body as Record<string, string>)).toString();
  }
  return JSON.stringify(body);
}
