/**
 * What a person reads when a config is wrong: for each place in the file, what its value must be
 * and what its members are called, and which variable gives a role its credential. Locations are
 * JSON paths with `*` for any one name; the schema says what is valid, this says it in words.
 */
import type { CredentialRole } from '../../scenarios/types.js';
import { configuredAsOAuthClient } from '../../vendors/authentication.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { credentialVariable } from './env-names.js';
import { isJsonObject } from './json-object.js';
import { definition, membersAt } from './schema-members.js';

export const CONFIG_STRING = 'must be a string or { "env": "VARIABLE_NAME" }.';
const operationMembers = () => membersAt([], definition('operation')).join(', ');

export interface Hint {
  /** What the value here must be; given the value, where the wording depends on its form. */
  must: string | ((value: unknown) => string);
  /** The value takes one of several forms: any failure at or below it is one problem here. */
  choice?: boolean;
  /** An object value here (without "env") is an operation, checked member by member. */
  operation?: boolean;
  /** What a member of this object is, for "x is not a credential role". */
  member?: string;
}

const isEnvObject = (value: unknown): boolean => isJsonObject(value) && 'env' in value;

const HINTS: Readonly<Record<string, Hint>> = {
  '': { must: 'must hold a JSON object.' },
  vendors: { must: 'must be an object keyed by vendor id.', member: 'a vendor id' },
  'vendors.*': { must: 'must be an object.' },
  'vendors.*.baseUrl': { must: CONFIG_STRING, choice: true },
  'vendors.*.sandbox': { must: 'must be true or false.' },
  'vendors.*.fixtures': { must: 'must be the path of a module, relative to the config file.' },
  'vendors.*.credentials': { must: 'must be an object keyed by role.', member: 'a credential role' },
  'vendors.*.credentials.*': { must: 'must be an object.', member: 'a credential field' },
  'vendors.*.credentials.*.*': { must: CONFIG_STRING, choice: true },
  'vendors.*.operations': { must: 'must map operation names to a path or an operation object.' },
  'vendors.*.operations.*': {
    must: (value) =>
      isEnvObject(value) ? CONFIG_STRING : `must be a path or an object of ${operationMembers()}.`,
    choice: true,
    operation: true,
    member: 'an operation member',
  },
  'vendors.*.operations.*.path': { must: 'must be a string.' },
  'vendors.*.operations.*.contentType': { must: 'must be a media type such as "application/json".' },
  'vendors.*.operations.*.idPointer': { must: 'must be a JSON Pointer such as "/id" or "/data/id".' },
  'vendors.*.facts': { must: 'must map names to strings.' },
  'vendors.*.facts.*': { must: 'must be a string, a number or { "env": "VARIABLE_NAME" }.', choice: true },
  'vendors.*.preflight': { must: 'must be { "operation": "<name>", "params": { ... } }.' },
  'vendors.*.preflight.operation': { must: "must be the name of one of this vendor's operations." },
  'vendors.*.preflight.params': {
    must: 'must map path parameters to strings (facts allowed: "{{facts.<name>}}").',
    choice: true,
  },
  'vendors.*.preflight.query': { must: 'must be a string.' },
  'vendors.*.checks': { must: 'must be an object keyed by check id.' },
  'vendors.*.checks.*': { must: 'must be an object.' },
  'vendors.*.checks.*.skip': { must: 'must be the reason, as a string.' },
  'vendors.*.checks.*.request': { must: 'must be an object.' },
  'vendors.*.checks.*.request.path': { must: 'must be a path starting with "/".' },
  'vendors.*.checks.*.request.headers': { must: 'must map header names to strings.', choice: true },
};

const PATTERNS = Object.entries(HINTS).map(([at, hint]) => ({ at: at === '' ? [] : at.split('.'), hint }));

/** The hint for one location of the file, given as its member names. */
export function hintAt(path: readonly string[]): Hint | undefined {
  return PATTERNS.find(
    ({ at }) => at.length === path.length && at.every((name, i) => name === '*' || name === path[i]),
  )?.hint;
}

/** How a location is named in a message: "vendors.<id>.facts.<name>", or "the file" for the whole. */
export function shownPath(path: readonly string[]): string {
  return path.length === 0 ? 'the file' : path.join('.');
}

/** Which variables a person sets to give a role its credential, for the skip reasons. */
export function credentialHint(vendorId: VendorId, role: CredentialRole): string {
  const { authentication } = getVendor(vendorId).policy;
  if (configuredAsOAuthClient(authentication, role)) {
    return `${credentialVariable(vendorId, role, 'clientId')}, ${credentialVariable(vendorId, role, 'clientSecret')} and ${credentialVariable(vendorId, role, 'tokenUrl')}`;
  }
  return credentialVariable(vendorId, role);
}
