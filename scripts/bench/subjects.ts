import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import { loadPeers } from './peers/load.js';
import type { VendorPeers } from './peers/peer.js';

/** One vendor's schema as the validation bench exercises it, with the inputs every engine sees. */
export interface BenchSubject {
  vendor: VendorId;
  /** Which of the vendor's envelope schemas is measured. */
  envelope: string;
  schema: Readonly<Record<string, unknown>>;
  /** The generated standalone validator for that schema, which reports every failure. */
  standalone: (data: unknown) => boolean;
  /** The generated standalone type guard for that schema, which stops at the first failure. */
  guard: (data: unknown) => boolean;
  /** The peers written for that schema (scripts/bench/peers/<vendor>/). */
  peers: VendorPeers;
  /** The schema's first documented example. */
  valid: unknown;
  /** A realistic near-miss: the sort of body a drifted vendor would send. */
  invalid: unknown;
  /** Further bodies, valid and invalid, used only to check that the engines agree. */
  mutations: ReadonlyArray<{ label: string; data: unknown }>;
}

function subjectFor(vendor: VendorId, peers: VendorPeers): BenchSubject {
  const definition = getVendor(vendor);
  const { envelope } = peers.subject;
  const schemas = definition.schemas as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const validators = definition.validators as unknown as Record<string, (data: unknown) => boolean>;
  const guards = definition.guards as unknown as Record<string, (data: unknown) => boolean>;
  const schema = schemas[envelope];
  const standalone = validators[envelope];
  const guard = guards[envelope];
  if (!schema || !standalone || !guard) throw new Error(`${vendor} has no ${envelope} schema`);
  const examples = schema.examples;
  if (!Array.isArray(examples) || examples.length === 0)
    throw new Error(`${vendor}/${envelope} has no example`);
  const valid = examples[0] as unknown;
  return {
    vendor,
    envelope,
    schema,
    standalone,
    guard,
    peers,
    valid,
    invalid: peers.subject.invalid(valid),
    mutations: peers.subject.mutations(valid),
  };
}

/** The bench subjects of the registry's vendors that have peers, in the registry's order. */
export interface BenchSubjects {
  subjects: readonly BenchSubject[];
  /** Registry vendors with no folder of peers. */
  withoutPeers: readonly VendorId[];
}

export async function loadSubjects(dir?: string): Promise<BenchSubjects> {
  const found = await loadPeers(vendorIds, dir);
  const subjects = vendorIds.flatMap((vendor) => {
    const peers = found.byVendor.get(vendor);
    return peers ? [subjectFor(vendor, peers)] : [];
  });
  return { subjects, withoutPeers: vendorIds.filter((vendor) => found.missing.includes(vendor)) };
}
