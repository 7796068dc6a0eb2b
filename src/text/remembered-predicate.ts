/**
 * A test of a string, answered from memory for a string it was asked about before: for tests a
 * process repeats on the same few strings (member names, documentation links), where the test
 * itself is the cost. Bounded in entries and in the length of a string kept; emptied when full,
 * which costs time, never a wrong answer, since the test depends on the string alone.
 */
export function rememberedPredicate(
  test: (text: string) => boolean,
  limits: { readonly entries: number; readonly textLength: number },
): (text: string) => boolean {
  const answers = new Map<string, boolean>();
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined) return known;
    const answer = test(text);
    if (text.length <= limits.textLength) {
      if (answers.size >= limits.entries) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
}
