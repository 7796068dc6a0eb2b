import { collectSecrets } from '../redaction/exchange.js';
import { redactJson } from '../redaction/json.js';
import { secretSet } from '../redaction/secret-set.js';
import { secretsOf } from '../redaction/secrets.js';
import { redactCheckResult } from '../report/redact.js';
import type { CheckResult, Exchange } from '../report/result.js';
import { credentialHeaderNames } from '../vendors/authentication.js';
import { getVendor, type VendorId } from '../vendors/registry.js';

/**
 * Every secret to blank in a vendor's exchanges: the target's configured secrets, the values of the
 * vendor's own credential headers (whatever the policy calls them, so a sixth vendor's `Api-Key` is
 * covered like `X-API-Key`), and whatever credential the exchanges themselves show. Prepared once
 * (see secret-set.ts), since every text of the exchanges is then scrubbed with it.
 */
export function exchangeSecrets(
  vendorId: VendorId,
  baseUrl: string,
  exchanges: readonly Exchange[],
  knownSecrets: readonly string[] = [],
): readonly string[] {
  const credentialHeaders = credentialHeadersOf(vendorId);
  const secrets = [...knownSecrets, ...collectSecrets(exchanges, [baseUrl])];
  for (const exchange of exchanges) {
    for (const [name, value] of Object.entries(exchange.request.headers)) {
      if (credentialHeaders.has(name.toLowerCase())) secrets.push(...secretsOf(value));
    }
  }
  return secretSet(secrets);
}

/** A vendor's credential header names, lower-cased: worked out once per authentication policy. */
const credentialHeaderSets = new WeakMap<object, ReadonlySet<string>>();

function credentialHeadersOf(vendorId: VendorId): ReadonlySet<string> {
  const { authentication } = getVendor(vendorId).policy;
  let names = credentialHeaderSets.get(authentication);
  if (names === undefined) {
    names = new Set(credentialHeaderNames(authentication));
    credentialHeaderSets.set(authentication, names);
  }
  return names;
}

/**
 * The reporters' redaction, applied as a check is recorded, so no credential is ever held in a
 * result: every string of the check scrubbed of the secrets in play, then the check redacted as a
 * report would redact it.
 */
export function redactCheck(
  vendorId: VendorId,
  baseUrl: string,
  check: CheckResult,
  knownSecrets: readonly string[] = [],
): CheckResult {
  const secrets = exchangeSecrets(vendorId, baseUrl, check.exchanges, knownSecrets);
  const scrubbed = secrets.length > 0 ? (redactJson(check, { secrets }) as CheckResult) : check;
  return redactCheckResult(scrubbed, secrets, [baseUrl]);
}
