import type { RandomSource } from './schedule.js';

/**
 * A small deterministic generator (mulberry32): the same seed gives the same jitter on every run,
 * so a retry sequence (a behavioural check, a client check) can be replayed exactly. Not for
 * anything that needs real randomness.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
