/**
 * What a vendor's folder under scripts/bench/peers/ provides: the schema it measures and, for that
 * schema, the peers the generated validators are compared with (a hand-written guard, a zod v4
 * schema, a TypeBox schema) and the bodies they are timed and checked on. Every peer describes the
 * same schema as the generated code (test/bench/equivalence.test.ts holds them to its verdicts).
 *
 * A folder holds `subject.ts` (export const subject: PeerSubject), `hand-guard.ts` (export const
 * handGuard), `zod.ts` (export const zodSchema) and `typebox.ts` (export const typeboxSchema).
 */
import type { TSchema } from '@sinclair/typebox';
import type { z } from 'zod';

export type Guard = (data: unknown) => boolean;

export interface PeerSubject {
  /** Which of the vendor's envelope schemas is measured (its name in the registry's `schemas`). */
  envelope: string;
  /** A realistic near-miss made from the schema's first example: the sort of body a drifted vendor sends. */
  invalid: (valid: unknown) => unknown;
  /** Further bodies, valid and invalid, made from the first example, used only to check that the engines agree. */
  mutations: (valid: unknown) => ReadonlyArray<{ label: string; data: unknown }>;
}

export interface VendorPeers {
  subject: PeerSubject;
  handGuard: Guard;
  zodSchema: z.ZodType;
  typeboxSchema: TSchema;
}
