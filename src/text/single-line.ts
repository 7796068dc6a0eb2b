/**
 * Text from a response (member names, messages, header values) made safe to print as part of one
 * line. A line break inside it would start a new line of output, and in a GitHub Actions log a
 * line such as `::stop-commands::x` is read as a workflow command, so a vendor's body could switch
 * off the annotations that follow. Breaks are shown as visible escapes instead.
 */
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/g;

const VISIBLE: Readonly<Record<string, string>> = {
  '\r': '\\r',
  '\n': '\\n',
  '\u0085': '\\u0085',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, (found) => VISIBLE[found] ?? '');
}
