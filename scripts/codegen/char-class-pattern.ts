/**
 * A faster test for the commonest string pattern, a whole-string run of one character class
 * (`^[\x20-\x21\x23-\x5B\x5D-\x7E]+$`, RFC 6749's error charset, and the like).
 *
 * `RegExp.prototype.test` with the anchored pattern pays a fixed cost that dominates a short string
 * (about 420 instructions, then about 12 a character, counted with callgrind on Node 20); searching
 * the same string for one character outside the class pays about 235, then about 14 a character.
 * So a string of up to `COMPLEMENT_SEARCH_LIMIT` UTF-16 units is searched for an outsider and a
 * longer one keeps the anchored pattern. On ClaimRev's token error (a 14-character code), the
 * whole guard went from about 640 to 565 instructions a call, where TypeBox's compiled check takes
 * about 715 (same process state as the bench: an ajv instance created first). The counts move with
 * what else the process has run, so the choice rests on the whole guard as it is used. A charCode
 * loop was measured too and lost to both regexes (about 37 instructions a character).
 *
 * In CPU time on Node 20 the loop is cheaper only on very short strings: it costs about 2 ns a
 * UTF-16 unit, because optimised code works out the string's representation again on every
 * `charCodeAt`, where the search costs about 13 ns a call plus under 1 ns a unit; they break even
 * near 8 units, and RFC 6749's token-endpoint error codes are 13 to 22 characters long, so no loop is
 * generated. A negative lookahead (`^(?![C]*$)`, the same verdict) scans faster per unit but costs
 * more a call: it only wins from about 24 units, longer than these codes, so it is not used either.
 * (Interleaved rounds in one process, strings of 1 to 64 units, one run on a loaded 2-core machine.)
 *
 * Why both tests give the same answer: with the `u` flag, as ajv compiles patterns, both regexes
 * read the string as the same sequence of code points (a lone surrogate is one), and `[^C]` matches
 * exactly the code points `[C]` does not, whatever C holds (ranges, escapes, astral code points,
 * even nothing). `^[C]+$` matches exactly when the string is not empty and every code point is in
 * C, that is when there is no code point in `[^C]`; `^[C]*$` only drops the non-empty part.
 */

/** Strings longer than this (UTF-16 units) are tested with the anchored pattern itself. */
export const COMPLEMENT_SEARCH_LIMIT = 64;

export interface CharClassRun {
  /** The class with its negation flipped, as `pattern` source (`[^...]` for `[...]` and back). */
  complement: string;
  /** Whether the run must hold at least one character (`+`) rather than none (`*`). */
  nonEmpty: boolean;
}

/**
 * `pattern` read as `^` + one character class + `+` or `*` + `$`; `undefined` for any other shape.
 * The class ends at its first `]` not escaped by a backslash, as in `u`-mode syntax, where a `[`
 * inside a class is a plain character.
 */
export function charClassRun(pattern: string): CharClassRun | undefined {
  if (!pattern.startsWith('^[')) return undefined;
  let end = 2;
  while (end < pattern.length && pattern[end] !== ']') end += pattern[end] === '\\' ? 2 : 1;
  if (end >= pattern.length) return undefined;
  const tail = pattern.slice(end + 1);
  if (tail !== '+$' && tail !== '*$') return undefined;
  const body = pattern.slice(2, end);
  const complement = body.startsWith('^') ? `[${body.slice(1)}]` : `[^${body}]`;
  return { complement, nonEmpty: tail === '+$' };
}
