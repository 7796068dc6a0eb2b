/**
 * A value now, or a promise of it. The simulator answers most requests (every read, every refusal)
 * without waiting for anything, and answering them in the same turn, without a promise and a
 * microtask per layer, is a large share of what a simulated request costs. Only the layers that
 * really wait (a request body, a delay fault, an idempotent write in flight) hand back a promise.
 */
export type MaybePromise<T> = T | Promise<T>;

/** `then(value)` now when the value is here, or once the promise settles. */
export function andThen<T, U>(
  value: MaybePromise<T>,
  then: (value: T) => Awaited<U>,
): MaybePromise<Awaited<U>> {
  return value instanceof Promise ? value.then(then) : then(value);
}
