import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { credentialSecrets } from '../../conformance/credential-secrets.js';
import { type ConformanceTarget, DEFAULT_LIMITS } from '../../conformance/types.js';
import { writeFileAtomic } from '../../fs/write-atomic.js';
import { redactText } from '../../report/redact.js';
import { exchange, freshPlaceholderValues, type HttpSend } from '../../scenarios/runner.js';
import type { CredentialRole } from '../../scenarios/types.js';
import type { VendorId } from '../../vendors/registry.js';
import {
  CASSETTE_FORMAT,
  CASSETTE_VERSION,
  type Cassette,
  cassetteFileName,
  type RecordedExchange,
  type RecordedValues,
} from './cassette.js';
import { redactRecorded } from './redact-cassette.js';

export interface CassetteRecorder {
  target: ConformanceTarget;
  /** Redacts and writes one cassette per vendor that was run into `dir`; returns the files. */
  write(dir: string): Promise<string[]>;
}

/**
 * Wraps a target so that every exchange is kept under the check that sent it. The check is known
 * from beforeCheck, which every check that sends anything calls first.
 */
export function recordCassettes(inner: ConformanceTarget, vendors: readonly VendorId[]): CassetteRecorder {
  const send: HttpSend = inner.send ?? exchange;
  const recorded = new Map<VendorId, Map<string, RecordedExchange[]>>(vendors.map((id) => [id, new Map()]));
  let current: { vendorId: VendorId; checkId: string } | undefined;
  const drawn = new Map<VendorId, Map<string, RecordedValues>>(vendors.map((id) => [id, new Map()]));
  const values = inner.values ?? freshPlaceholderValues;
  /** Draws a value from the inner target and keeps it under the current check. */
  const draw = (kind: keyof RecordedValues) => {
    const value = values[kind]();
    if (current) {
      const checks = drawn.get(current.vendorId);
      const kept = checks?.get(current.checkId) ?? { unique: [], uuid: [] };
      kept[kind].push(value);
      checks?.set(current.checkId, kept);
    }
    return value;
  };
  const keep = (entry: RecordedExchange) => {
    if (!current) return;
    const checks = recorded.get(current.vendorId);
    const list = checks?.get(current.checkId) ?? [];
    list.push(entry);
    checks?.set(current.checkId, list);
  };
  const target: ConformanceTarget = {
    ...inner,
    values: { unique: () => draw('unique'), uuid: () => draw('uuid') },
    beforeCheck: async (vendorId, check) => {
      current = { vendorId, checkId: check.id };
      await inner.beforeCheck?.(vendorId, check);
    },
    send: async (url, method, headers, body) => {
      const request = {
        method,
        url,
        headers: { ...headers },
        ...(body ? { body: body.toString('utf8') } : {}),
      };
      try {
        const answer = await send(url, method, headers, body);
        keep({ at: inner.now(), request, response: answer });
        return answer;
      } catch (error) {
        keep({ at: inner.now(), request, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
  };
  return {
    target,
    async write(dir) {
      await mkdir(dir, { recursive: true });
      const files: string[] = [];
      for (const vendorId of vendors) {
        const credentials = inner.credentials(vendorId);
        const secrets = credentialSecrets(credentials);
        const baseUrl = inner.baseUrl(vendorId);
        const checks = Object.fromEntries(
          [...(recorded.get(vendorId) ?? new Map<string, RecordedExchange[]>())].map(([id, list]) => [
            id,
            redactRecorded(vendorId, baseUrl, list, secrets),
          ]),
        );
        const cassette: Cassette = {
          format: CASSETTE_FORMAT,
          version: CASSETTE_VERSION,
          vendorId,
          recordedAt: new Date().toISOString(),
          // The recorded request URLs are redacted the same way, so replay still matches them.
          baseUrl: redactText(baseUrl, secrets),
          roles: Object.keys(credentials.roles) as CredentialRole[],
          facts: Object.keys(credentials.facts),
          binding: {
            facts: Object.fromEntries(
              Object.entries(credentials.facts).map(([name, value]) => [name, redactText(value, secrets)]),
            ),
            // An example body may hold a value the user pasted in (a sign-in e-mail): scrubbed too.
            operations: JSON.parse(redactText(JSON.stringify(credentials.operations ?? {}), secrets)),
            // Facts given as numbers (integer ids) fill a body as numbers; the replay must too.
            ...(credentials.numericFacts?.length ? { numericFacts: [...credentials.numericFacts] } : {}),
          },
          values: Object.fromEntries(drawn.get(vendorId) ?? []),
          limits: { ...DEFAULT_LIMITS, ...inner.limits },
          checks,
        };
        const file = join(dir, cassetteFileName(vendorId));
        await writeFileAtomic(file, `${JSON.stringify(cassette, null, 2)}\n`);
        files.push(file);
      }
      return files;
    },
  };
}
