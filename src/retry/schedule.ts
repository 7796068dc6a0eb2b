import type { RetryPolicy } from '../generated/meta-types.js';

/** A source of uniform numbers in [0, 1), as Math.random; injected so tests decide the jitter. */
export type RandomSource = () => number;

/** Uniform whole milliseconds in [min, max]; a faulty source is clamped rather than trusted. */
export function jitterMs(range: { min: number; max: number } | null, random: RandomSource): number {
  if (range === null || range.max <= range.min) return range?.min ?? 0;
  const draw = random();
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1 - Number.EPSILON) : 0;
  return range.min + Math.floor(unit * (range.max - range.min + 1));
}

/**
 * The wait before retry `retryNumber` (1 = the wait after the first call failed) by the vendor's
 * schedule alone, before any Retry-After is considered.
 *
 * Step schedules repeat their last step; exponential ones grow from initialMs by factor and are
 * capped at maxMs with the jitter included, as the policy schema defines.
 */
export function scheduledDelayMs(retry: RetryPolicy, retryNumber: number, random: RandomSource): number {
  const index = Math.max(1, Math.floor(retryNumber)) - 1;
  const { delays } = retry;
  if (delays.kind === 'steps') {
    const step = delays.steps[Math.min(index, delays.steps.length - 1)] ?? delays.steps[0];
    return step.delayMs + (step.jitter ? jitterMs(retry.jitterMs, random) : 0);
  }
  // Beyond ~60 doublings the number is past any cap; stopping early keeps it finite.
  const growth = delays.factor ** Math.min(index, 60);
  return Math.min(delays.initialMs * growth + jitterMs(retry.jitterMs, random), delays.maxMs);
}

/**
 * The shortest and longest wait the schedule allows before retry `retryNumber`: the same
 * computation with the jitter at its two ends, so a checker judges waits by the rule that makes them.
 */
export function scheduledWindowMs(retry: RetryPolicy, retryNumber: number): { min: number; max: number } {
  return {
    min: scheduledDelayMs(retry, retryNumber, () => 0),
    max: scheduledDelayMs(retry, retryNumber, () => 1),
  };
}
