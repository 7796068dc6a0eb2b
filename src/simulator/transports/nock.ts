import { flattenHeaders } from '../../scenarios/headers.js';
import type { VendorId } from '../../vendors/registry.js';
import {
  controlsOf,
  createSimulatorCore,
  type SimulatorControls,
  type SimulatorCoreOptions,
} from '../simulator-core.js';
import type { SimRequest, SimResponse, VendorCredentials } from '../types.js';

/** One request as the mounted simulator saw it, with the clock's time on arrival and on answer. */
export interface MountedExchange {
  request: SimRequest;
  response: SimResponse;
  receivedAt: number;
  answeredAt: number;
}

export interface MountSimulatorOptions extends Omit<SimulatorCoreOptions, 'vendors'> {
  /** Hears every answered request: how a client check sees what a client really sent. */
  onExchange?: (exchange: MountedExchange) => void;
  /**
   * Hears every request as it arrives, before it is answered. A request the client abandons
   * while the simulator holds it (a timed-out write) is never answered, yet it was sent: a client
   * check must count it.
   */
  onArrival?: (request: SimRequest, receivedAt: number) => void;
}

export interface MountedSimulator extends SimulatorControls {
  /** The vendor's test credentials, with URLs under the mounted base URL. */
  credentials(): VendorCredentials;
  /** Removes the interceptors this mount installed; other nock scopes are left alone. */
  unmount(): void;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * Installs a vendor's behaviour model into nock, so that any HTTP client in this process (fetch,
 * got, axios, ky) talking to baseUrl reaches the simulator without a socket, on the injected
 * clock. nock is an optional peer dependency, so it is loaded only when this is called.
 */
export async function mountSimulator(
  vendorId: VendorId,
  baseUrl: string,
  options: MountSimulatorOptions = {},
): Promise<MountedSimulator> {
  const { default: nock } = await import('nock');
  const core = createSimulatorCore({ ...options, vendors: [vendorId] });
  const runtime = core.runtime(vendorId);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  const scope = nock(base.origin).persist();
  // nock parses JSON bodies before calling a reply function and throws on malformed ones, which
  // would hang the client. The 'request' event comes first: the raw body and the headers are
  // kept here, and the content type nock sees is neutralised so it never parses.
  const sent = new WeakMap<object, { body: string; headers: Record<string, unknown> }>();
  scope.on('request', (req: { headers: Record<string, unknown> }, _interceptor: unknown, body: string) => {
    sent.set(req, { body: body ?? '', headers: { ...req.headers } });
    req.headers = { ...req.headers, 'content-type': 'application/octet-stream' };
  });
  const inScope = (uri: string) =>
    prefix === '' || uri === prefix || uri.startsWith(`${prefix}/`) || uri.startsWith(`${prefix}?`);

  const interceptors = METHODS.map((method) => {
    const interceptor = scope.intercept(inScope, method);
    interceptor.reply(async function reply(uri) {
      const original = sent.get(this.req as object) ?? { body: '', headers: {} };
      const url = new URL(uri, base.origin);
      const headers = flattenHeaders(original.headers);
      const body = new TextEncoder().encode(original.body);
      const declared = Number(headers['content-length']);
      const request: SimRequest = {
        method,
        path: url.pathname.slice(prefix.length) || '/',
        query: url.searchParams,
        headers,
        body,
        declaredLength: Number.isSafeInteger(declared) ? declared : null,
      };
      const receivedAt = core.clock.now();
      options.onArrival?.(request, receivedAt);
      const response = await runtime.handle(request);
      options.onExchange?.({ request, response, receivedAt, answeredAt: core.clock.now() });
      return [response.status, response.body, response.headers];
    });
    return interceptor;
  });

  return {
    ...controlsOf(core),
    credentials: () => core.credentials(vendorId, `${base.origin}${prefix}`),
    unmount: () => {
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
    },
  };
}
