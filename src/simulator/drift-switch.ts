import type { VendorId } from '../vendors/registry.js';
import {
  applyCodeDrift,
  applyStatusDrift,
  type DriftVariant,
  driftProblem,
  InapplicableDriftError,
} from './drift-variants.js';
import type { SimResponse } from './types.js';

/** The drift controls every transport hands out: which rules the simulator breaks right now. */
export interface DriftControls {
  /** Replaces the active variants (an empty list is the faithful simulator). Takes effect at once. */
  set(variants: readonly DriftVariant[]): void;
  readonly active: readonly DriftVariant[];
}

/**
 * The active drift variants of one simulator, switchable between requests so a suite can run
 * many variants on one server. Answers built for a catalog code are marked, so that a status
 * variant, meant for codeless answers, never touches a coded answer that shares its status.
 */
export class DriftSwitch implements DriftControls {
  #active: readonly DriftVariant[] = [];
  readonly #coded = new WeakSet<SimResponse>();

  constructor(
    private readonly vendors: readonly VendorId[],
    initial: readonly DriftVariant[] = [],
  ) {
    this.set(initial);
  }

  get active(): readonly DriftVariant[] {
    return this.#active;
  }

  set(variants: readonly DriftVariant[]): void {
    for (const variant of variants) {
      const problem = this.vendors.includes(variant.vendorId)
        ? driftProblem(variant)
        : 'the vendor is not simulated here';
      if (problem) throw new InapplicableDriftError(variant, problem);
    }
    this.#active = [...variants];
  }

  /** The answer to a catalog code, after every active variant aimed at that code. */
  coded(vendorId: VendorId, code: string, response: SimResponse): SimResponse {
    // The faithful simulator (no variant) has nothing to mark: a weak-set entry per error answer
    // is work for the garbage collector that only a drift run needs.
    if (this.#active.length === 0) return response;
    let answer = response;
    for (const variant of this.#active) {
      if (variant.vendorId === vendorId && 'code' in variant && variant.code === code) {
        answer = applyCodeDrift(variant, answer);
      }
    }
    this.#coded.add(answer);
    return answer;
  }

  /** Any final answer: a codeless one with a drifted status gets its other status. */
  codeless(vendorId: VendorId, response: SimResponse): SimResponse {
    if (this.#active.length === 0 || this.#coded.has(response)) return response;
    const variant = this.#active.find(
      (candidate) =>
        candidate.vendorId === vendorId && 'status' in candidate && candidate.status === response.status,
    );
    return variant && 'status' in variant ? applyStatusDrift(variant, response) : response;
  }
}
