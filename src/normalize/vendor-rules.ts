import type {
  CatalogEntry,
  ErrorCategory,
  FieldErrorSource,
  StatusRule,
  VendorPolicy,
} from '../generated/meta-types.js';
import { CREDENTIAL_HEADERS } from '../redaction/vocabulary.js';
import type { CompiledValidator } from '../validation/compiled.js';
import { credentialHeaderNames } from '../vendors/authentication.js';
import { getVendor, type VendorDefinition, type VendorId } from '../vendors/registry.js';
import { type PointerTokens, parsePointer } from './json-pointer.js';

export type Surface = 'api' | 'token_endpoint';

export type CompiledFieldSource =
  | {
      kind: 'list';
      pointer: PointerTokens;
      fieldMembers: readonly string[];
      messageMembers: readonly string[];
    }
  | { kind: 'param'; pointer: PointerTokens }
  | { kind: 'map'; pointer: PointerTokens }
  | {
      kind: 'message_pattern';
      pattern: RegExp;
      /** A character every match begins with (see leadingLiteral), or null when none is known. */
      lead: string | null;
      categories: ReadonlySet<ErrorCategory>;
    };

export interface CompiledReader {
  surface: Surface;
  validate: CompiledValidator<unknown> | null;
  code: PointerTokens | null;
  message: readonly PointerTokens[];
  requestId: PointerTokens | null;
  /** The documented form of the request id, where the policy gives one for this reader's id. */
  requestIdForm: { pattern: RegExp; pointer: string } | null;
  fieldErrors: readonly CompiledFieldSource[];
}

/** A vendor's policy and catalog turned into lookups once, so normalizing stays cheap. */
export interface VendorRules {
  vendor: VendorDefinition;
  policy: VendorPolicy;
  readers: ReadonlyMap<Surface, CompiledReader>;
  catalog: ReadonlyMap<Surface, ReadonlyMap<string, CatalogEntry>>;
  statuses: ReadonlyMap<number, StatusRule>;
  retryableStatuses: ReadonlySet<number>;
  bodyFlag: PointerTokens | null;
  /** Lower-cased names of every header that carries this vendor's credentials. */
  sensitiveHeaders: ReadonlySet<string>;
}

/** Characters that stand for themselves at the start of a pattern compiled without flags but `g`. */
const LITERAL = /^[A-Za-z0-9`'" ]$/;
/** What may follow an element to make it optional or repeated. */
const QUANTIFIER = /^[?*+{]$/;

/**
 * The character every match of a pattern begins with, when the pattern opens with a literal that
 * is neither quantified nor one side of an alternation (any `|` at all rules it out): a message
 * without that character cannot match, which a string search settles faster than the regular
 * expression (a CaseXchange message searched for a backquoted field cost more than parsing the
 * body's message). Null when the pattern gives no such character.
 */
export function leadingLiteral(pattern: string): string | null {
  const first = pattern.charAt(0);
  if (!LITERAL.test(first) || QUANTIFIER.test(pattern.charAt(1)) || pattern.includes('|')) return null;
  return first;
}

function compileFieldSource(source: FieldErrorSource): CompiledFieldSource | null {
  switch (source.kind) {
    case 'list':
      return {
        kind: 'list',
        pointer: parsePointer(source.pointer),
        fieldMembers: source.fieldMembers,
        messageMembers: source.messageMembers,
      };
    case 'param':
    case 'map':
      return { kind: source.kind, pointer: parsePointer(source.pointer) };
    case 'message_pattern':
      try {
        return {
          kind: 'message_pattern',
          pattern: new RegExp(source.pattern, 'g'),
          lead: leadingLiteral(source.pattern),
          categories: new Set(source.categories),
        };
      } catch {
        // A pattern JavaScript cannot compile reads no fields rather than breaking normalization;
        // the policy tests compile every pattern, so this only guards hand-edited data.
        return null;
      }
  }
}

function compileRules(vendorId: VendorId): VendorRules {
  const vendor = getVendor(vendorId);
  const policy = vendor.policy;
  const validators = vendor.validators as unknown as Record<string, CompiledValidator<unknown>>;
  const readers = new Map<Surface, CompiledReader>();
  for (const reader of policy.envelopes) {
    const requestId = reader.requestId ?? (reader.surface === 'api' ? policy.requestId.pointer : undefined);
    readers.set(reader.surface, {
      surface: reader.surface,
      validate: Object.hasOwn(validators, reader.schema) ? (validators[reader.schema] ?? null) : null,
      code: reader.code === undefined ? null : parsePointer(reader.code),
      message: reader.message.map(parsePointer),
      requestId: requestId === undefined ? null : parsePointer(requestId),
      requestIdForm:
        requestId !== undefined && requestId === policy.requestId.pointer && policy.requestId.pattern
          ? { pattern: new RegExp(policy.requestId.pattern), pointer: requestId }
          : null,
      fieldErrors: reader.fieldErrors.map(compileFieldSource).filter((source) => source !== null),
    });
  }
  const catalog = new Map<Surface, Map<string, CatalogEntry>>();
  for (const entry of vendor.catalog) {
    let bySurface = catalog.get(entry.surface);
    if (!bySurface) {
      bySurface = new Map();
      catalog.set(entry.surface, bySurface);
    }
    bySurface.set(entry.code, entry);
  }
  const auth = policy.authentication;
  return {
    vendor,
    policy,
    readers,
    catalog,
    statuses: new Map(policy.statuses.map((rule) => [rule.status, rule])),
    retryableStatuses: new Set(policy.retry.retryableStatuses),
    bodyFlag: policy.retry.bodyFlag === undefined ? null : parsePointer(policy.retry.bodyFlag),
    sensitiveHeaders: new Set([...CREDENTIAL_HEADERS, ...credentialHeaderNames(auth)]),
  };
}

const cache = new Map<VendorId, VendorRules>();

/** The compiled rules of a vendor; an unknown id throws UnknownVendorError (via getVendor). */
export function vendorRules(vendorId: VendorId): VendorRules {
  let rules = cache.get(vendorId);
  if (!rules) {
    rules = compileRules(vendorId);
    cache.set(vendorId, rules);
  }
  return rules;
}
