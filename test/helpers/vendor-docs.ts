import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/**
 * Reading the vendors' own error pages (plain-text exports of their web docs), so tests can hold
 * the schemas and catalogs to what the vendors actually publish rather than to our copy of it.
 */

export const VENDOR_DOCS_ENV = 'ERROR_CONTRACTS_VENDOR_DOCS';

export function vendorDocsDir(): string {
  return process.env[VENDOR_DOCS_ENV] ?? join(repoRoot, '..', 'shared', 'vendor-docs');
}

/**
 * True when the environment says, explicitly, that the docs are not available (a public CI runner
 * has no shared/ folder). The doc tests then show as skipped with that reason; they never pass.
 */
export function vendorDocsDeclaredAbsent(): boolean {
  return process.env[VENDOR_DOCS_ENV] === 'none';
}

/**
 * The text of one vendor doc, named as `docsFile` in schemas/<vendor>/vendor.json: a file name in
 * the vendor-docs folder, or a path relative to the repository for a vendor whose doc ships with
 * it (any name with a "/"). A missing directory is an error, never a skip: the checks would prove nothing.
 */
export function readVendorDoc(file: string): string {
  if (file.includes('/')) return readFileSync(join(repoRoot, file), 'utf8');
  const dir = vendorDocsDir();
  if (vendorDocsDeclaredAbsent())
    throw new Error(`${VENDOR_DOCS_ENV}=none: vendor docs were declared absent`);
  if (!existsSync(dir)) {
    throw new Error(`vendor docs not found at ${dir}; set ${VENDOR_DOCS_ENV} to the folder holding them`);
  }
  return readFileSync(join(dir, file), 'utf8');
}

/** A JSON block found in a doc: its text with any line numbers removed, and the parse outcome. */
export interface JsonBlock {
  line: number;
  source: string;
  value?: unknown;
  parseError?: string;
}

/** Net change in brace depth over a line, ignoring braces inside JSON strings. */
function braceDelta(line: string): number {
  let delta = 0;
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') delta++;
    else if (char === '}') delta--;
  }
  return delta;
}

/**
 * Finds every JSON object that starts on a line of its own. Some exports glue a code viewer's line
 * numbers to each line ("1{", "2  \"error\": {"); when the opening line carries a number, each
 * following line must carry the next one, and the numbers are removed.
 */
export function extractJsonBlocks(text: string): JsonBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: JsonBlock[] = [];
  for (let start = 0; start < lines.length; start++) {
    const opening = /^\s*(\d+)?\{\s*$/.exec(lines[start] ?? '');
    if (!opening) continue;
    const firstNumber = opening[1] === undefined ? undefined : Number(opening[1]);
    const body: string[] = [];
    let depth = 0;
    let end = start;
    for (; end < lines.length; end++) {
      let line = lines[end] ?? '';
      if (firstNumber !== undefined) {
        const prefix = String(firstNumber + end - start);
        if (!line.startsWith(prefix)) break;
        line = line.slice(prefix.length);
      }
      body.push(line);
      depth += braceDelta(line);
      if (depth <= 0) break;
    }
    const source = body.join('\n');
    const block: JsonBlock = { line: start + 1, source };
    try {
      block.value = JSON.parse(source);
    } catch (error) {
      block.parseError = (error as Error).message;
    }
    blocks.push(block);
    start = end;
  }
  return blocks;
}

/** Error-body examples: the JSON blocks that mention an "error" member. */
export function extractErrorExamples(text: string): JsonBlock[] {
  return extractJsonBlocks(text).filter((block) => block.source.includes('"error"'));
}

/** Whether the raw text shows an "error" member at all: decided without the extractor, to check it. */
export function mentionsErrorMember(text: string): boolean {
  return /"error"\s*:/.test(text);
}

/** A code as a doc lists it, with the HTTP status when the doc gives one next to it. */
export interface DocumentedCode {
  code: string;
  status?: number;
  line: number;
}

const CODE = '[a-z][a-z0-9_]*';

/**
 * Standard OAuth 2.0 token-endpoint codes (RFC 6749 section 5.2). A text export can drop the
 * separator after a code in a bullet and glue it to the next word ("invalid_grantgrant_type");
 * these known codes are the only ones the parser will cut out of such a run.
 */
const STANDARD_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
];

function unglue(token: string): string | undefined {
  const matches = STANDARD_CODES.filter(
    (code) => token.startsWith(code) && /^[a-z][a-z0-9_]*$/.test(token.slice(code.length)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The row shapes the vendors use. Each reads one line and returns what it finds there; a line is
 * handled by the first shape that matches, so no shape needs to know which vendor wrote it.
 */
const rowShapes: Array<(line: string) => Array<Omit<DocumentedCode, 'line'>> | undefined> = [
  // "404prior_authorization_not_found..." or "403forbidden, insufficient_permissions...": status first.
  (line) => {
    const match = new RegExp(`^([1-5]\\d{2})(${CODE}(?:, ${CODE})*)`).exec(line);
    return match?.[2]?.split(', ').map((code) => ({ code, status: Number(match[1]) }));
  },
  // "invalid_api_key401API key...": code first, status glued after it.
  (line) => {
    const match = new RegExp(`^(${CODE})([1-5]\\d{2})(?!\\d)`).exec(line);
    return match?.[1] ? [{ code: match[1], status: Number(match[2]) }] : undefined;
  },
  // "• invalid_client — ...": a bulleted code with a dash after it, or a known code glued to the text.
  (line) => {
    const match = new RegExp(`^[•*-]\\s+(${CODE})(.*)$`).exec(line);
    if (!match?.[1]) return undefined;
    if (/^\s+[—–-]\s/.test(match[2] ?? '')) return [{ code: match[1] }];
    const code = unglue(match[1]);
    return code ? [{ code }] : undefined;
  },
];

/** "| Code | Description |": a pipe table whose first column holds codes. */
const CODE_TABLE_HEADER = /^\|?\s*code\s*\|/i;
/** "missing_api_key | text |" or "missing_api_key | 401 | text |" inside such a table. */
const PIPE_ROW = new RegExp(`^\\|?\\s*(${CODE})\\s*\\|\\s*(?:([1-5]\\d{2})\\s*\\|)?`);

/**
 * Reads every error code a doc lists. Tokens naming envelope fields (`ignore`) are skipped, since
 * docs describe their fields in the same bullet and table shapes they use for codes.
 */
export function parseDocumentedCodes(text: string, ignore: ReadonlySet<string>): DocumentedCode[] {
  const found: DocumentedCode[] = [];
  let inCodeTable = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (CODE_TABLE_HEADER.test(line)) {
      inCodeTable = true;
      return;
    }
    if (!line.includes('|')) inCodeTable = false;
    let rows: Array<Omit<DocumentedCode, 'line'>> | undefined;
    if (inCodeTable) {
      const match = PIPE_ROW.exec(line);
      if (match?.[1]) rows = [match[2] ? { code: match[1], status: Number(match[2]) } : { code: match[1] }];
    } else {
      for (const shape of rowShapes) {
        rows = shape(line);
        if (rows) break;
      }
    }
    for (const row of rows ?? []) if (!ignore.has(row.code)) found.push({ ...row, line: index + 1 });
  });
  return found;
}

/**
 * A floor for how many codes a doc lists, found without the row shapes: the distinct snake_case
 * words that start a line (after an optional bullet or status). It undercounts (codes without an
 * underscore, second codes in a cell), which is what a floor should do.
 */
export function countLeadingCodeWords(text: string, ignore: ReadonlySet<string>): number {
  const words = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const match = /^(?:[•*-]\s+|\d{3})?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)/.exec(raw.trim());
    if (match?.[1] && !ignore.has(match[1])) words.add(match[1]);
  }
  return words.size;
}

/**
 * The error statuses a doc's status table lists: lines that start with a status (or "502 / 503")
 * followed by its reason phrase or a table pipe. Ranges such as "5xx" are left out on purpose.
 */
export function parseStatusRows(text: string): number[] {
  const statuses = new Set<number>();
  for (const raw of text.split(/\r?\n/)) {
    const match = /^(\d{3}(?:\s*\/\s*\d{3})*)\s*(?:\||[A-Z])/.exec(raw.trim());
    for (const status of match?.[1]?.split('/').map(Number) ?? []) if (status >= 400) statuses.add(status);
  }
  return [...statuses].sort((a, b) => a - b);
}

/** Every property name an envelope schema declares, at any depth. */
export function schemaPropertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) schemaPropertyNames(item, into);
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const name of Object.keys(value)) into.add(name);
      }
      if (key !== 'examples') schemaPropertyNames(value, into);
    }
  }
  return into;
}
