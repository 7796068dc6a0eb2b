/**
 * Verifies the contract interactions that need no provider state (the authentication paths)
 * against each configured vendor sandbox, with credentials from the environment injected as
 * requests leave. See sandbox-config.ts for the variables; with none set it says so and exits 0.
 */
import { contractFile } from '../../src/pact/consumer.js';
import { verifySandbox } from '../../src/pact/sandbox.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { SandboxConfigError, sandboxTargets, sandboxVariables } from './sandbox-config.js';

process.env.PACT_DO_NOT_TRACK ??= 'true';
let targets: ReturnType<typeof sandboxTargets>;
try {
  targets = sandboxTargets(vendorIds, process.env);
} catch (error) {
  if (!(error instanceof SandboxConfigError)) throw error;
  process.stderr.write(`verify-sandbox: ${error.message}\n`);
  process.exit(2);
}
if (targets.length === 0) {
  const example = sandboxVariables(vendorIds[0] ?? 'vendor');
  process.stdout.write(
    `No sandbox configured; nothing verified. Set ${example.url} and ${example.credentials} (and likewise for other vendors).\n`,
  );
  process.exit(0);
}
let failed = 0;
for (const target of targets) {
  const outcome = await verifySandbox({ ...target, file: contractFile('contracts', target.vendorId) });
  failed += outcome.failed.length;
  process.stdout.write(
    `${target.vendorId}: ${outcome.verified} interactions, ${outcome.failed.length === 0 ? 'pass' : 'FAIL'}\n`,
  );
}
process.exit(failed > 0 ? 1 : 0);
