import { createHook } from 'node:async_hooks';

/**
 * Watches every real timer the process arms until `stop()`: global setTimeout/setInterval,
 * `node:timers` and `node:timers/promises` alike, since each creates a Timeout resource that
 * async_hooks sees. Tests use it to show that a wait ran on a virtual clock (no real timer of the
 * wait's length was armed), which holds however loaded the machine is, unlike a wall-time bound.
 */
export function watchRealTimers(): { delaysMs: number[]; stop: () => number[] } {
  const delaysMs: number[] = [];
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type !== 'Timeout') return;
      // Node keeps a timer's delay in `_idleTimeout`; an unknown shape counts as a long timer.
      const delay = (resource as { _idleTimeout?: unknown })._idleTimeout;
      delaysMs.push(typeof delay === 'number' ? delay : Number.POSITIVE_INFINITY);
    },
  });
  hook.enable();
  return {
    delaysMs,
    stop: () => {
      hook.disable();
      return delaysMs;
    },
  };
}
