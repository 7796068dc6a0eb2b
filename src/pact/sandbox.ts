import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VendorCredentials } from '../scenarios/types.js';
import type { VendorId } from '../vendors/registry.js';
import { interactionsFor } from './interactions.js';
import { acknowledgedStates } from './states.js';
import { type VerificationOutcome, verifyProvider } from './verify.js';

export interface SandboxOptions {
  vendorId: VendorId;
  /** The committed contract of this vendor. */
  file: string;
  baseUrl: string;
  /** Real credentials, injected into requests as they leave; never written anywhere. */
  credentials: VendorCredentials;
}

export interface SandboxOutcome extends VerificationOutcome {
  /** How many interactions needed no state and were verified. */
  verified: number;
}

/**
 * Verifies the interactions that need nothing of the provider but credentials (the
 * authentication paths) against a provider that cannot be put into states: a vendor sandbox.
 * The contract is narrowed to them in a temporary copy, so the committed file is untouched.
 */
export async function verifySandbox(options: SandboxOptions): Promise<SandboxOutcome> {
  const stateless = interactionsFor(options.vendorId).interactions.filter((spec) => spec.stateless);
  const descriptions = new Set(stateless.map((spec) => spec.description));
  const contract = JSON.parse(await readFile(options.file, 'utf8')) as {
    interactions: { description: string }[];
  };
  contract.interactions = contract.interactions.filter((interaction) =>
    descriptions.has(interaction.description),
  );
  const dir = await mkdtemp(join(tmpdir(), 'error-contracts-sandbox-'));
  try {
    const narrowed = join(dir, 'contract.json');
    await writeFile(narrowed, JSON.stringify(contract));
    const outcome = await verifyProvider({
      vendorId: options.vendorId,
      files: [narrowed],
      baseUrl: options.baseUrl,
      credentials: () => options.credentials,
      stateHandlers: acknowledgedStates(stateless),
    });
    return { ...outcome, verified: contract.interactions.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
