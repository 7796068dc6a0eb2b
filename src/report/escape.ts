/**
 * Escaping for the XML and HTML reports. Response bodies come from the API under test and may hold
 * anything, markup and control characters included; all of it must arrive as text.
 */

/**
 * Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF). No
 * escape can carry them, so they become U+FFFD, which keeps the document well-formed and shows
 * the reader that something was there.
 */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in element content and in quoted attribute values, in both XML and HTML. */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** ` name="value"` pairs for an XML start tag, each value escaped. */
export function xmlAttributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeMarkup(String(value))}"`)
    .join('');
}

/**
 * Text safe inline in GitHub-flavoured Markdown, table cells included: markup characters become
 * entities (a job summary renders some HTML) and Markdown punctuation is backslash-escaped, so a
 * response body can neither inject markup nor break the table it sits in. Line breaks become
 * spaces: inline text is one line.
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkup(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`);
}

/** A fenced code block that no run of backticks in `text` can close early. */
export function markdownCodeBlock(text: string, language: 'text' | 'sh' = 'text'): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.replace(NOT_XML_CHAR, '\uFFFD')}\n${fence}`;
}
