import { InvalidOptionError } from '../errors.js';
import type { FetchRequestInit } from '../http-types.js';
import { statusLine } from '../normalize/message.js';
import { normalizeError } from '../normalize/normalize-error.js';
import type { NormalizedError, ResponseInput } from '../normalize/types.js';
import { checkedClock } from '../options/check-options.js';
import { decideRetry, type RetryDecision } from '../retry/decide-retry.js';
import { getVendor, type VendorId } from '../vendors/registry.js';
import type { AuthContext } from './auth/context.js';
import { createAuthenticator } from './auth/create-authenticator.js';
import type { Authenticator } from './auth/types.js';
import { decodeSuccessBody, encodeBody } from './body-codec.js';
import { createClientLog } from './client-log.js';
import { checkClientOptions } from './client-options.js';
import { createVendorApiError, isRedirect, RedirectError, type VendorApiError } from './errors.js';
import { followedRedirect } from './followed-redirect.js';
import { isKeyMismatch, sendsIdempotencyKey } from './idempotency.js';
import { createRedactor } from './redactor.js';
import { outgoingHeaders } from './request-headers.js';
import { buildSupportBundle } from './support-bundle.js';
import { transportFailure } from './transport-failure.js';
import type { ClientOptions, ClientResponse, RequestOptions } from './types.js';

export interface VendorClient {
  readonly vendor: VendorId;
  /**
   * Sends one request, repeating it as the vendor's policy allows. Resolves with the first 2xx
   * response; rejects with a VendorApiError subclass when the request fails for good.
   */
  request(method: string, path: string, options?: RequestOptions): Promise<ClientResponse>;
}

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** The base URL without its trailing slashes, joined once per client rather than per call. */
function urlJoiner(baseUrl: string): (path: string) => string {
  const base = baseUrl.replace(/\/+$/, '');
  return (path) => `${base}/${path.charCodeAt(0) === 47 ? path.replace(/^\/+/, '') : path}`;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A reference client that follows one vendor's documented rules, all taken from its policy:
 * authentication by scheme, Idempotency-Keys on the methods the vendor honours them on, retries
 * by decideRetry, and a typed error with a support bundle when a request fails for good. Nothing
 * secret reaches a log line, an error or a bundle.
 */
export function createClient<V extends VendorId>(vendorId: V, options: ClientOptions<V>): VendorClient {
  const vendor = getVendor(vendorId);
  checkClientOptions(options);
  const { policy } = vendor;
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now === undefined ? Date.now : checkedClock('now', options.now);
  const sleep = options.sleep ?? realSleep;
  // The Web Crypto global, read only when a key is needed: importing node:crypto made every
  // import of the package pay for loading it.
  const newKey = options.generateIdempotencyKey ?? (() => globalThis.crypto.randomUUID());
  const maxAttempts = Math.min(options.maxAttempts ?? policy.retry.maxAttempts, policy.retry.maxAttempts);
  const maxRefreshes = policy.authentication.refreshOn401 ?? 0;
  const joinUrl = urlJoiner(options.baseUrl);

  let authenticator: Authenticator | null = null;
  const redactor = createRedactor(() => authenticator?.secrets() ?? [], options.phiFields);
  const log = createClientLog(options.logger, redactor);

  function normalize(response: ResponseInput, surface: 'api' | 'token_endpoint'): NormalizedError {
    return normalizeError(vendorId, response, { now, surface, redact: { secrets: redactor.secrets() } });
  }

  function failure(
    call: Call,
    normalized: NormalizedError,
    progress: { attempts: number; idempotencyKey: string | null; decision: RetryDecision | null },
    cause?: unknown,
    /** Said instead of the status line, for an answer refused because of how it came. */
    reason?: string,
  ): VendorApiError {
    const path = redactor.path(call.path);
    const supportBundle = buildSupportBundle({
      policy,
      method: call.method,
      path,
      requestBody: redactor.requestBody(call.body),
      normalized,
      nowMs: now(),
      attempts: progress.attempts,
      idempotencyKey: progress.idempotencyKey,
    });
    const code = normalized.code === null ? '' : ` ${normalized.code}`;
    const outcome =
      reason ?? (normalized.status === 0 ? normalized.message : `${statusLine(normalized.status)}${code}`);
    const message = redactor.text(`${vendor.name} ${call.method} ${path} failed: ${outcome}`);
    log('error', 'request failed', {
      method: call.method,
      path,
      status: normalized.status,
      code: normalized.code,
    });
    return createVendorApiError({ message, normalized, supportBundle, ...progress }, cause);
  }

  const authContext: AuthContext = {
    policy: policy.authentication,
    fetch: fetchFn,
    now,
    fail(call, response, cause) {
      const normalized =
        response === null
          ? transportFailure(vendorId, cause, redactor.text)
          : normalize(response, 'token_endpoint');
      return failure(call, normalized, { attempts: 1, idempotencyKey: null, decision: null }, cause);
    },
  };
  const auth = createAuthenticator(options.credentials, authContext);
  authenticator = auth;

  async function request(
    method: string,
    path: string,
    requestOptions: RequestOptions = {},
  ): Promise<ClientResponse> {
    const upper = method.toUpperCase();
    const call: Call = { method: upper, path, body: requestOptions.body };
    const url = joinUrl(path);
    const { payload, contentType } = encodeBody(requestOptions.body);
    const keyHeader = policy.idempotency.header;
    let idempotencyKey =
      keyHeader === undefined
        ? null
        : (requestOptions.idempotencyKey ?? (sendsIdempotencyKey(policy, upper) ? newKey() : null));
    let refreshes = 0;
    let keyReplaced = false;

    for (let attempt = 1; ; attempt++) {
      const headers = outgoingHeaders({
        user: requestOptions.headers,
        contentType,
        auth: await auth.headers(),
        key: keyHeader !== undefined && idempotencyKey !== null ? [keyHeader, idempotencyKey] : null,
        vendorName: vendor.name,
      });
      // The redacted path is worked out only for a logger that takes debug lines.
      if (log.wants('debug'))
        log('debug', 'sending request', {
          method: upper,
          path: redactor.path(path),
          attempt,
          idempotencyKey,
        });

      const init: FetchRequestInit = { method: upper, headers, redirect: 'manual' };
      if (payload !== undefined) init.body = payload;
      // The signal is not part of FetchRequestInit (whose type must not need DOM or Node typings);
      // every fetch implementation honours it all the same.
      if (options.timeoutMs !== undefined)
        Object.assign(init, { signal: AbortSignal.timeout(options.timeoutMs) });
      let normalized: NormalizedError;
      let cause: unknown;
      try {
        const response = await fetchFn(url, init);
        const redirected = followedRedirect(response);
        if (redirected !== undefined) {
          const status = isRedirect(response.status) ? response.status : 307;
          throw failure(
            call,
            normalize({ status, headers: response.headers }, 'api'),
            {
              attempts: attempt,
              idempotencyKey,
              decision: null,
            },
            undefined,
            redirected,
          );
        }
        if (response.ok) {
          const text = await response.text();
          const body = decodeSuccessBody(text, response.headers.get('content-type'));
          return {
            status: response.status,
            headers: response.headers,
            body,
            attempts: attempt,
            idempotencyKey,
          };
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        normalized = normalize({ status: response.status, headers: response.headers, body: bytes }, 'api');
        // Never repeated: the same request would be sent back to the same redirect.
        if (isRedirect(normalized.status))
          throw failure(call, normalized, { attempts: attempt, idempotencyKey, decision: null });
      } catch (error) {
        if (error instanceof RedirectError || error instanceof InvalidOptionError) throw error;
        cause = redactedCause(error, redactor.text);
        normalized = transportFailure(vendorId, error, redactor.text);
      }

      const attemptsLeft = attempt < maxAttempts;
      let credentialsRefreshed = false;
      if (normalized.action === 'refresh_credentials' && refreshes < maxRefreshes && attemptsLeft) {
        refreshes++;
        credentialsRefreshed = await auth.refresh();
        if (credentialsRefreshed) log('info', 'credentials refreshed', { method: upper, attempt });
      }
      if (idempotencyKey !== null && !keyReplaced && attemptsLeft && isKeyMismatch(policy, normalized)) {
        // The vendor remembers this key with another body; only a new key can get the call through.
        keyReplaced = true;
        idempotencyKey = newKey();
        log('warn', 'idempotency key refused for a different body; repeating with a new key', { attempt });
        continue;
      }
      const decision = decideRetry(vendorId, normalized, {
        attempt,
        method: upper,
        path,
        idempotencyKey: idempotencyKey ?? undefined,
        random: options.random ?? Math.random,
        maxAttempts,
        credentialsRefreshed,
        ...(options.maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs: options.maxRetryAfterMs }),
      });
      if (!decision.retry)
        throw failure(call, normalized, { attempts: attempt, idempotencyKey, decision }, cause);
      options.onRetry?.({
        attempt,
        delayMs: decision.delayMs,
        action: decision.action,
        reason: decision.reason,
        normalized,
      });
      log('warn', 'retrying', {
        method: upper,
        attempt,
        status: normalized.status,
        code: normalized.code,
        delayMs: decision.delayMs,
        reason: decision.reason,
      });
      if (decision.delayMs > 0) await sleep(decision.delayMs);
    }
  }

  return { vendor: vendorId, request };
}

/**
 * What a failed fetch threw, as an error's cause may keep it: name, code and message, the message
 * redacted. The original may quote a header value (a credential with a line break in it) or a URL
 * with a password, and a cause is logged and serialised as readily as the error itself.
 */
function redactedCause(error: unknown, redact: (text: string) => string): Error {
  const fields = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const copy = new Error(redact(message));
  if (typeof fields.name === 'string') copy.name = fields.name;
  const code = fields.code ?? (fields.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}
