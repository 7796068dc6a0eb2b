/**
 * Whether a parsed JSON value nests deeper than `max`, found without recursion: JSON.parse
 * accepts a value nested 100 000 deep, and every recursive walk after it (validation, copying,
 * serialising) would overflow the stack.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}
