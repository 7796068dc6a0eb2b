import { redactCheck } from '../../conformance/redact-check.js';
import {
  CREDENTIAL_FIELDS,
  DEFAULT_PHI_FIELDS,
  fieldSet,
  redactValue,
  scrubText,
} from '../../normalize/redact.js';
import type { CheckResult, Exchange } from '../../report/result.js';
import type { VendorId } from '../../vendors/registry.js';
import type { RecordedExchange } from './cassette.js';

/**
 * A check's exchanges as a cassette keeps them: first every configured credential value scrubbed
 * as text, then the reports' own redaction (credential headers, token members, echoed values),
 * then the PHI members of JSON bodies blanked by name. A cassette is committed and shared, so it
 * gets the strictest treatment any output gets.
 */
export function redactRecorded(
  vendorId: VendorId,
  baseUrl: string,
  recorded: readonly RecordedExchange[],
  secrets: readonly string[],
  phiFields: readonly string[] = DEFAULT_PHI_FIELDS,
): RecordedExchange[] {
  const text = (value: string) => scrubText(value, secrets);
  const exchanges: Exchange[] = recorded.map((entry) => ({
    atMs: entry.at,
    request: {
      method: entry.request.method,
      url: text(entry.request.url),
      headers: mapValues(entry.request.headers, text),
      ...(entry.request.body === undefined
        ? {}
        : { body: { text: text(entry.request.body), truncated: false } }),
    },
    ...(entry.response
      ? {
          response: {
            status: entry.response.status,
            headers: mapValues(entry.response.headers, text),
            body: { text: text(entry.response.body), truncated: false },
          },
        }
      : {}),
    ...(entry.error === undefined ? {} : { error: text(entry.error) }),
  }));
  const wrapper: CheckResult = {
    id: 'cassette',
    path: 'other',
    title: 'cassette',
    outcome: 'pass',
    failures: [],
    drift: [],
    exchanges,
    requests: exchanges.length,
    simulatedWaitMs: 0,
    durationMs: 0,
  };
  const fields = fieldSet([...CREDENTIAL_FIELDS, ...phiFields]);
  const blank = (body: string) => {
    try {
      return JSON.stringify(redactValue(JSON.parse(body), fields, secrets));
    } catch {
      return body;
    }
  };
  return redactCheck(vendorId, baseUrl, wrapper, secrets).exchanges.map((exchange) => ({
    at: exchange.atMs,
    request: {
      method: exchange.request.method,
      url: exchange.request.url,
      headers: exchange.request.headers,
      ...(exchange.request.body ? { body: blank(exchange.request.body.text) } : {}),
    },
    ...(exchange.response
      ? {
          response: {
            status: exchange.response.status,
            headers: exchange.response.headers,
            body: blank(exchange.response.body?.text ?? ''),
          },
        }
      : {}),
    ...(exchange.error === undefined ? {} : { error: exchange.error }),
  }));
}

function mapValues(record: Record<string, string>, fn: (value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([name, value]) => [name, fn(value)]));
}
