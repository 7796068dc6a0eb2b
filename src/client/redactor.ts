import { DEFAULT_PHI_FIELDS } from '../normalize/redact.js';
import { fieldSet, redactJson } from '../redaction/json.js';
import { scrubText } from '../redaction/scrub.js';
import { CREDENTIAL_FIELDS, fieldKey, REDACTED } from '../redaction/vocabulary.js';

/** One place that knows every secret in play and every field to hide, for one client. */
export interface Redactor {
  secrets(): string[];
  text(value: string): string;
  value(value: unknown): unknown;
  /** The request body as it may appear in a log or support bundle. */
  requestBody(body: unknown): unknown;
  /** A path with the values of sensitive query parameters blanked. */
  path(path: string): string;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export function createRedactor(
  secrets: () => string[],
  phiFields: readonly string[] = DEFAULT_PHI_FIELDS,
): Redactor {
  const fields = fieldSet([...CREDENTIAL_FIELDS, ...phiFields]);
  const redactor: Redactor = {
    secrets,
    text: (value) => scrubText(value, secrets()),
    value: (value) => redactJson(value, { fields, secrets: secrets() }),
    requestBody(body) {
      if (body === undefined) return null;
      const text = typeof body === 'string' ? body : body instanceof Uint8Array ? decoder.decode(body) : null;
      if (text === null) return redactor.value(body);
      try {
        // A JSON body sent as text is parsed so that its sensitive members can be blanked by name.
        return redactor.value(JSON.parse(text));
      } catch {
        return redactor.text(text);
      }
    },
    path(path) {
      const queryStart = path.indexOf('?');
      if (queryStart === -1) return redactor.text(path);
      const params = new URLSearchParams(path.slice(queryStart + 1));
      for (const [name] of params) if (fields.has(fieldKey(name))) params.set(name, REDACTED);
      return redactor.text(`${path.slice(0, queryStart)}?${params.toString()}`);
    },
  };
  return redactor;
}
