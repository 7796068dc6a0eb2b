/**
 * Text from a response or a cassette (member names, messages, header values) made safe to print
 * in a terminal, a CI log or an annotation. Any control character would act rather than show:
 * a line break starts a new line of output (and in a GitHub Actions log a line such as
 * `::stop-commands::x` is read as a workflow command), ESC starts a terminal sequence that can
 * move the cursor over a "✗ fail" line or write the clipboard (OSC 52), and the bidirectional
 * overrides reorder what a reader sees. Every C0 and C1 control, DEL, the Unicode line and
 * paragraph separators and the bidi controls are shown as visible escapes instead (`\n`,
 * `\u001b`), so an ESC sequence arrives as harmless text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINE_FEED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

function visible(found: string): string {
  return NAMED[found] ?? `\\u${found.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text on one line, every control character (line breaks included) shown as an escape. */
export function singleLine(text: string): string {
  return text.replace(CONTROLS, visible);
}

/**
 * The text with every control character shown as an escape except the line feed, for messages
 * whose own lines are meant (an error with a hint on its second line). Vendor-derived parts of
 * such a message should still go through singleLine first.
 */
export function withVisibleControls(text: string): string {
  return text.replace(CONTROLS_BUT_LINE_FEED, visible);
}
