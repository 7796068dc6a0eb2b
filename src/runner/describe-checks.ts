/**
 * Every check of a vendor as it would be sent to one deployment, without sending anything: what
 * `error-contracts checks` lists and `run --dry-run` prints. The same resolution and the same
 * prepare step as a real run, so what is listed is what would go out.
 */
import { checklistFor } from '../conformance/checklist.js';
import { credentialSecrets } from '../conformance/credential-secrets.js';
import type { PlannedCheck } from '../conformance/types.js';
import { scrubText } from '../redaction/scrub.js';
import { factsNeededBy, operationChain, operationOf, resolveRequest } from '../scenarios/resolve.js';
import { urlOf } from '../scenarios/runner.js';
import type { ScenarioRequest } from '../scenarios/types.js';
import type { VendorId } from '../vendors/registry.js';
import type { ResolvedVendorConfig } from './config/sandbox-config.js';
import {
  applyOverride,
  fixedBurstOf,
  needsSimulator,
  requestsOfCheck,
  rolesOf,
} from './targets/check-requirements.js';
import { prepare } from './targets/http-target.js';

export interface CheckDescription {
  vendorId: VendorId;
  id: string;
  /** The matrix row the check exercises. */
  row: string;
  kind: PlannedCheck['kind'];
  title: string;
  /** The checked request (a sequence: its first request), where the check sends one. */
  method?: string;
  operation?: string;
  /** The URL it goes to, operations and facts resolved; absent where a fact has no value yet. */
  url?: string;
  role?: string;
  body?: string;
  /** The facts, operations and credential roles the check's requests need. */
  facts: string[];
  operations: string[];
  roles: string[];
  /** Whether the check can run against a sandbox at all (no injected fault, no fixed burst). */
  sandbox: boolean;
  /** Why it would not run on this target: the configuration entry to set, the simulator it needs. */
  notRun?: string;
}

/** Describes a vendor's checks for one deployment: its config (base URL, credentials, facts). */
export function describeChecks(
  config: ResolvedVendorConfig,
  where: { simulated: boolean; only?: readonly string[] },
): CheckDescription[] {
  const { vendorId } = config;
  return checklistFor(vendorId)
    .filter((check) => !where.only || where.only.includes(check.id))
    .map((planned) => {
      const check = prepare(config, planned, { simulated: where.simulated, inProcess: false });
      const requests = requestsOfCheck(vendorId, planned);
      const checked = 'scenario' in check ? check.scenario.request : requests[0];
      return {
        vendorId,
        id: planned.id,
        row: planned.path,
        kind: planned.kind,
        title: planned.title,
        ...(checked ? requestFields(config, checked) : {}),
        facts: [...new Set(requests.flatMap((request) => factsNeededBy(config.credentials, request)))],
        operations: [...new Set(requests.flatMap((request) => operationChain(vendorId, request.operation)))],
        roles: rolesOf(planned),
        sandbox:
          (planned.kind === 'scenario' || planned.kind === 'status' || planned.kind === 'sequence') &&
          // An override can turn a fault check into an ordinary one (a record that always fails).
          !needsSimulator(applyOverride(planned, config.checks[planned.id]?.request)) &&
          fixedBurstOf(planned) <= 1,
        ...(check.kind === 'skipped' || check.kind === 'not_applicable' ? { notRun: check.reason } : {}),
      };
    });
}

/** The operation's method on this deployment, or '?' where its name is not in the vocabulary. */
function methodOf(config: ResolvedVendorConfig, operation: string): string {
  try {
    return operationOf(config.credentials, operation).method;
  } catch {
    return '?';
  }
}

function requestFields(
  config: ResolvedVendorConfig,
  request: ScenarioRequest,
): Pick<CheckDescription, 'method' | 'operation' | 'url' | 'role' | 'body'> {
  let url: string | undefined;
  let resolved: ReturnType<typeof resolveRequest> | undefined;
  try {
    resolved = resolveRequest(config.credentials, request);
    url = urlOf(config.baseUrl, resolved.path);
  } catch {
    // A fact without a value: the URL cannot be shown yet; notRun says which to set.
  }
  const source = resolved ?? request;
  // A listing is printed and pasted into issues: the secret facts and credentials filled into a
  // path or body (a sign-in password) are blanked, before the body is cut so none is cut in half.
  const secrets = credentialSecrets(config.credentials);
  const raw =
    source.json !== undefined ? JSON.stringify(source.json) : source.raw ? source.raw.text : undefined;
  const body = raw === undefined ? undefined : scrubText(raw, secrets);
  return {
    method: request.method ?? methodOf(config, request.operation),
    operation: request.path === undefined ? request.operation : '(checks.<id>.request.path)',
    ...(url === undefined ? {} : { url: scrubText(url, secrets) }),
    role: request.role ?? 'valid',
    ...(body === undefined ? {} : { body: body.length > 200 ? `${body.slice(0, 200)}…` : body }),
  };
}
