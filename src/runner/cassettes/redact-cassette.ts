import { exchangeSecrets } from '../../conformance/redact-check.js';
import { DEFAULT_PHI_FIELDS } from '../../normalize/redact.js';
import { redactExchange } from '../../redaction/exchange.js';
import { fieldSet, redactJson } from '../../redaction/json.js';
import { scrubText } from '../../redaction/scrub.js';
import { CREDENTIAL_FIELDS } from '../../redaction/vocabulary.js';
import type { Exchange } from '../../report/result.js';
import type { VendorId } from '../../vendors/registry.js';
import type { RecordedExchange } from './cassette.js';

/**
 * A check's exchanges as a cassette keeps them. First every secret is learnt, from the exchanges
 * as they were sent and answered (a token endpoint's `access_token`, a `Set-Cookie`) as well as
 * from the configuration: blanking anything by shape before that would hide the very values to
 * search for elsewhere (a token echoed in an error message). Then every string is scrubbed of them,
 * each exchange is redacted as a report redacts it (credential headers, token members, echoed
 * values, JSON bodies decoded), and the PHI members of JSON bodies are blanked by name. A cassette
 * is committed and shared, so it gets the strictest treatment any output gets.
 */
export function redactRecorded(
  vendorId: VendorId,
  baseUrl: string,
  recorded: readonly RecordedExchange[],
  secrets: readonly string[],
  phiFields: readonly string[] = DEFAULT_PHI_FIELDS,
): RecordedExchange[] {
  const asExchanges = (text: (value: string) => string): Exchange[] =>
    recorded.map((entry) => ({
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
  const known = exchangeSecrets(
    vendorId,
    baseUrl,
    asExchanges((value) => value),
    secrets,
  );
  const exchanges = asExchanges((value) => scrubText(value, known));
  const fields = fieldSet([...CREDENTIAL_FIELDS, ...phiFields]);
  const blank = (body: string) => {
    try {
      return JSON.stringify(redactJson(JSON.parse(body), { fields, secrets: known }));
    } catch {
      return body;
    }
  };
  return exchanges
    .map((exchange) => redactExchange(exchange, known))
    .map((exchange, index) => ({
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
              ...bytesSentOf(recorded[index]),
            },
          }
        : {}),
      ...(exchange.error === undefined ? {} : { error: exchange.error }),
    }));
}

/** A streamed upload's byte count, kept so a replay reports what the recording run sent. */
function bytesSentOf(entry: RecordedExchange | undefined): { bodyBytesSent?: number } {
  const sent = entry?.response?.bodyBytesSent;
  return sent === undefined ? {} : { bodyBytesSent: sent };
}

function mapValues(record: Record<string, string>, fn: (value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([name, value]) => [name, fn(value)]));
}
