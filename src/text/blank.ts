const BLANK = /^\s*$/;

/**
 * Whether text is empty or white space only, as `/^\s*$/` says. A first character that is
 * printable ASCII other than the space settles it without running the regular expression, which
 * cost more than the rest of reading an error's message: JSON bodies start with `{` and messages
 * with a letter.
 */
export function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return BLANK.test(text);
}
