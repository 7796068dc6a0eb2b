/** A clock that moves only when told to: lifetimes and windows can be crossed without waiting. */
export interface VirtualClock {
  now: () => number;
  advance(ms: number): void;
}

export function createVirtualClock(startMs = Date.UTC(2026, 5, 1, 9, 0, 0)): VirtualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}
