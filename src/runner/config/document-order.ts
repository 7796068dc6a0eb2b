/**
 * Puts problems in the order their places appear in the file, whichever check found them, so a
 * list of problems reads from the top of the file to the bottom.
 */
import type { LocatedProblem } from './schema-problems.js';

/** Each member's index among its siblings, from the top; a place the file lacks sorts last. */
function positionOf(path: readonly string[], document: unknown): number[] {
  const position: number[] = [];
  let node = document;
  for (const name of path) {
    const members = typeof node === 'object' && node !== null ? Object.keys(node) : [];
    const index = members.indexOf(name);
    position.push(index === -1 ? Number.MAX_SAFE_INTEGER : index);
    node = index === -1 ? undefined : (node as Record<string, unknown>)[name];
  }
  return position;
}

/** Lexicographic, a place before the places inside it. */
function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = (a[i] as number) - (b[i] as number);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

export function inDocumentOrder(problems: readonly LocatedProblem[], document: unknown): LocatedProblem[] {
  return problems
    .map((problem) => ({ problem, position: positionOf(problem.path, document) }))
    .sort((a, b) => compare(a.position, b.position))
    .map(({ problem }) => problem);
}
