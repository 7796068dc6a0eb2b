import type { VendorCredentials } from '../scenarios/types.js';
import type { VendorId } from '../vendors/registry.js';
import { loadPact } from './load-pact.js';
import { credentialFilter } from './request-filter.js';

/** Where a broker keeps the contracts and takes the results; replaces local files when given. */
export interface BrokerSource {
  pactBrokerUrl: string;
  pactBrokerToken: string;
  publishVerificationResult: boolean;
  providerVersion: string;
  providerVersionBranch: string;
}

export interface VerifyOptions {
  vendorId: VendorId;
  /** The contract files to verify. */
  files: readonly string[];
  broker?: BrokerSource;
  /** The provider's base URL, path prefix included. */
  baseUrl: string;
  /** The role credentials to inject; read per request. */
  credentials: () => VendorCredentials;
  stateHandlers: Record<string, () => Promise<undefined>>;
}

export interface VerificationOutcome {
  vendorId: VendorId;
  /** Descriptions of the interactions that failed, as the verifier reports them. */
  failed: string[];
  /** What the verifier said about each failure, for a person to read. */
  mismatches: string[];
}

/** Runs Pact's verifier over one provider's contracts and reads its report. */
export async function verifyProvider(options: VerifyOptions): Promise<VerificationOutcome> {
  const { Verifier } = await loadPact();
  const verifier = new Verifier({
    provider: options.vendorId,
    providerBaseUrl: options.baseUrl,
    ...(options.broker
      ? { ...options.broker, consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }] }
      : { pactUrls: [...options.files] }),
    stateHandlers: options.stateHandlers,
    requestFilter: credentialFilter(options.credentials) as never,
    logLevel: 'error',
  });
  let report: string;
  try {
    report = String(await verifier.verifyProvider());
  } catch (error) {
    // A failed verification rejects with the verifier's JSON report as the message.
    report = error instanceof Error ? error.message : String(error);
  }
  return { vendorId: options.vendorId, ...readReport(report) };
}

interface VerifierReport {
  result?: boolean;
  errors?: Array<{ interaction?: string; mismatch?: unknown }>;
}

function readReport(text: string): { failed: string[]; mismatches: string[] } {
  let report: VerifierReport;
  try {
    report = JSON.parse(text) as VerifierReport;
  } catch {
    // Not a report: the verifier could not run at all. Nothing passed.
    return { failed: ['(the verifier did not run)'], mismatches: [text] };
  }
  const errors = report.errors ?? [];
  const failed = [...new Set(errors.map((error) => error.interaction ?? '(unnamed interaction)'))];
  if (report.result === false && failed.length === 0) failed.push('(the verification failed)');
  return { failed, mismatches: errors.map((error) => JSON.stringify(error.mismatch)) };
}
