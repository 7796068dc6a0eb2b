/**
 * The environment variables a sandbox run reads, named from data: the vendor id and the credential
 * role. One place builds every name, so the messages that tell a person which variable to set can
 * never disagree with the variables actually read.
 */
import type { CredentialRole } from '../../scenarios/types.js';

const PREFIX = 'ERROR_CONTRACTS';

/** "readOnly" -> "READ_ONLY"; "casexchange" -> "CASEXCHANGE". */
function screaming(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** ERROR_CONTRACTS_CASEXCHANGE_BASE_URL */
export function baseUrlVariable(vendorId: string): string {
  return `${PREFIX}_${screaming(vendorId)}_BASE_URL`;
}

/** ERROR_CONTRACTS_CASEXCHANGE_SANDBOX: "true" declares a non-loopback base URL a sandbox. */
export function sandboxVariable(vendorId: string): string {
  return `${PREFIX}_${screaming(vendorId)}_SANDBOX`;
}

/**
 * The variable holding one field of a role's credential: the whole header value for key, token
 * and cookie schemes (field "value"), or one of the OAuth client's fields.
 * ERROR_CONTRACTS_CASEXCHANGE_READ_ONLY, ERROR_CONTRACTS_CLAIMREV_VALID_CLIENT_SECRET
 */
export function credentialVariable(vendorId: string, role: CredentialRole, field = 'value'): string {
  const suffix = field === 'value' ? '' : `_${screaming(field)}`;
  return `${PREFIX}_${screaming(vendorId)}_${screaming(role)}${suffix}`;
}

/** Where the config file is looked for when --config is not given. */
export const DEFAULT_CONFIG_FILE = 'error-contracts.config.json';
export const CONFIG_FILE_VARIABLE = `${PREFIX}_CONFIG`;

/** ERROR_CONTRACTS_DENIALBASE_FACT_EMAIL: a fact a check needs besides credentials (sign-in details). */
export function factVariable(vendorId: string, fact: string): string {
  return `${PREFIX}_${screaming(vendorId)}_FACT_${screaming(fact)}`;
}

/** ERROR_CONTRACTS_COLLATE_OPERATION_AUTHORIZATION: a sandbox's path for one named operation. */
export function operationVariable(vendorId: string, operation: string): string {
  return `${PREFIX}_${screaming(vendorId)}_OPERATION_${screaming(operation)}`;
}

/**
 * The secret the scheduled sandbox workflow reads: a whole config file for one vendor alone. Its
 * name is the same for every vendor; each vendor's value lives in that vendor's GitHub environment
 * (sandboxEnvironment), so the workflow names the secret literally and each job gets its own.
 */
export const SANDBOX_CONFIG_SECRET = `${PREFIX}_SANDBOX_CONFIG`;

/** error-contracts-sandbox-collate: the GitHub environment holding one vendor's SANDBOX_CONFIG_SECRET. */
export function sandboxEnvironment(vendorId: string): string {
  return `error-contracts-sandbox-${vendorId.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
}
