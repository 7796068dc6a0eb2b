/**
 * The parts of the fetch API the package's public types mention, declared structurally here so
 * that the published declarations need neither the DOM library nor @types/node. The real
 * `Headers`, `Response` and global `fetch` all satisfy them (a type test checks that).
 */

/** What the package reads from a fetch `Headers` object. */
export interface HeadersLike {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/** The request options the client passes to `fetch`. A timeout's abort signal is added at run time. */
export interface FetchRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /**
   * Always 'manual' from the client: a redirect is reported, never followed, since following one
   * to another origin would carry the credential headers (or a token request's client secret) there.
   */
  redirect?: 'manual';
}

/** What the client reads from a fetch `Response`. */
export interface FetchResponse {
  ok: boolean;
  status: number;
  /** True when the fetch function followed a redirect itself (the client asks it not to). */
  redirected?: boolean;
  /** 'opaqueredirect' when a manual redirect is hidden from the caller (status 0). */
  type?: string;
  /** Where the answer came from. */
  url?: string;
  headers: HeadersLike;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A fetch-compatible function: the global `fetch`, or any wrapper with the same shape. */
export type FetchFunction = (input: string, init: FetchRequestInit) => Promise<FetchResponse>;
