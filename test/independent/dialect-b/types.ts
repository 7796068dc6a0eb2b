import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The shapes shared by every vendor of dialect B: what a started vendor tells a test about itself
 * (its directory), and what the vendors receive when they start (their context). The directory is
 * what a user's config is written from; nothing in it is known before the server starts.
 */

/** A vendor's id: the name of its folder in this dialect (`claimrev`, `foresight`, …). */
export type VendorId = string;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface DialectOperation {
  method: HttpMethod;
  /** Relative to the base URL, with `{name}` placeholders for ids. */
  path: string;
  /** A valid example body that succeeds, when the operation takes one. */
  body?: unknown;
  /** For example 'application/json', 'multipart/form-data' or 'application/octet-stream'. */
  contentType?: string;
  /** RFC 6901 pointer to the new resource's id in the success body. */
  idPointer?: string;
  /** One line describing the operation. */
  summary: string;
}

export type DialectCredential =
  | { kind: 'header'; header: string; value: string }
  | {
      kind: 'oauthClient';
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      scope: string;
      body: 'form' | 'basic';
    }
  | { kind: 'signIn'; operation: string; body: unknown };

/** A request that always makes the vendor fail on its side, the way real sandboxes offer magic values. */
export interface FailingRequest {
  operation: string;
  params?: Record<string, string | number>;
  body?: unknown;
  provokes: string;
  status: number;
}

export interface DialectDirectory {
  baseUrl: string;
  operations: Record<string, DialectOperation>;
  credentials: Record<string, DialectCredential>;
  facts: Record<string, string | number>;
  failing: FailingRequest[];
  limits: Record<string, number>;
}

export interface DialectContext {
  /** The clock every lifetime, window and expiry reads; a virtual one in tests. */
  now: () => number;
  bugs: ReadonlySet<string>;
}

export interface DialectVendor {
  handler(req: IncomingMessage, res: ServerResponse): void;
  describe(baseUrl: string): DialectDirectory;
}

export interface DialectOptions {
  vendors?: readonly VendorId[];
  bugs?: readonly string[];
  now?: () => number;
}
