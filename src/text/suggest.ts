/**
 * "Did you mean" for every name a person types: commands, flags, vendor ids, catalog codes. One
 * distance and one threshold, so every suggestion in the tool is made the same way.
 */

/** Levenshtein distance with adjacent transpositions counted as one edit ("vednor" is 1 from "vendor"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to what was typed, when it is close enough to be a slip: at most a third
 * of the typed length in edits (at least one), or the typed text being the start of exactly one
 * candidate ("cas" for "casexchange"), and no other candidate as close. Case is ignored.
 */
export function closestMatch(typed: string, candidates: readonly string[]): string | undefined {
  const input = typed.toLowerCase();
  if (input === '') return undefined;
  const prefixed = candidates.filter((candidate) => candidate.toLowerCase().startsWith(input));
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: { candidate: string | undefined; distance: number } = {
    candidate: undefined,
    distance: limit + 1,
  };
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate.toLowerCase());
    if (distance < best.distance) best = { candidate, distance };
    // Two names equally close: a guess between them would mislead as often as help.
    else if (distance === best.distance) best = { candidate: undefined, distance };
  }
  return best.candidate;
}

/** ` Did you mean "x"?` when a candidate is close, else "" (ready to append to a message). */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const match = closestMatch(typed, candidates);
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}
