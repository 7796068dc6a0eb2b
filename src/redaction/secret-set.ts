/**
 * A list of known secrets prepared for searching: which secrets are worth a search, every literal
 * form each is searched for (see encoded-forms.ts), and a quick test that tells a text which cannot
 * hold a hex form. The scrubber needs this for every text it sees, so a caller that scrubs many
 * texts with one list (a run redacting a check or a result) prepares it once with `secretSet`; a
 * plain array is prepared afresh per call, as before.
 */
import { encodedForms } from './encoded-forms.js';
import { REDACTED } from './vocabulary.js';

export const MIN_SECRET_LENGTH = 4;

/** Texts kept in one set's memo at most; it is emptied when full, which costs time, never results. */
const MEMO_LIMIT = 8192;
/** Longer texts are not kept in the memo: they are rarely seen twice and would hold memory. */
const MEMO_TEXT_LIMIT = 4096;

export interface SecretSearch {
  /** The secrets searched for in the decoded text: deduplicated, long enough, longest first. */
  readonly wanted: readonly string[];
  /** Searched for in the text as it is: each secret and its base64 and base64url forms. */
  readonly exact: readonly string[];
  /** Hex forms, searched for in the text with A-F lower-cased (hex in either case). */
  readonly hex: readonly string[];
  /** The shortest hex form's length (0 when there is none): see hasHexRun. */
  readonly shortestHex: number;
  /** Text to scrubbed text, for a set prepared by secretSet (a pure function of the text). */
  readonly memo: Map<string, string> | undefined;
}

/** The secrets worth searching for, longest first so a secret containing another goes whole. */
export function searchable(secrets: readonly string[]): string[] {
  return [...new Set(secrets)]
    .filter(
      (secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH && secret !== REDACTED,
    )
    .sort((a, b) => b.length - a.length);
}

const prepared = new WeakMap<readonly string[], SecretSearch>();

function prepare(wanted: readonly string[], memo: Map<string, string> | undefined): SecretSearch {
  const exact: string[] = [];
  const hex: string[] = [];
  for (const secret of wanted) {
    exact.push(secret);
    const forms = encodedForms(secret);
    exact.push(...forms.exact);
    if (forms.hex.length >= 2 * MIN_SECRET_LENGTH) hex.push(forms.hex);
  }
  const shortestHex = hex.length === 0 ? 0 : Math.min(...hex.map((form) => form.length));
  return { wanted, exact, hex, shortestHex, memo };
}

/**
 * The secrets as searched for (see `searchable`), frozen and prepared once, with a memo of the texts
 * scrubbed with them. Pass the returned list wherever a list of secrets is taken: the scrubber finds
 * it prepared. Freezing keeps the list equal to what was prepared, so the memo stays right; it lives
 * as long as the list does, that is for the redaction that made it.
 */
export function secretSet(secrets: readonly string[]): readonly string[] {
  if (prepared.get(secrets)?.memo) return secrets;
  const wanted = Object.freeze(searchable(secrets));
  prepared.set(wanted, prepare(wanted, new Map()));
  return wanted;
}

/**
 * `known` with `more` added, prepared: `known` itself when secretSet prepared it and `more` adds no
 * secret to it (the scrubber's result depends only on which secrets are searched for), so its memo
 * carries on.
 */
export function withSecrets(known: readonly string[], more: readonly string[]): readonly string[] {
  if (prepared.get(known)?.memo) {
    const have = new Set(known);
    if (searchable(more).every((secret) => have.has(secret))) return known;
  }
  return secretSet([...known, ...more]);
}

const NO_SECRETS: SecretSearch = prepare([], undefined);

/** The search for a list of secrets: the one secretSet prepared, or one prepared now. */
export function searchFor(secrets: readonly string[]): SecretSearch {
  const search = prepared.get(secrets);
  if (search) return search;
  return secrets.length === 0 ? NO_SECRETS : prepare(searchable(secrets), undefined);
}

/** A scrubbed text from the set's memo, or undefined when it has not been scrubbed with this set. */
export function remembered(search: SecretSearch, text: string): string | undefined {
  return search.memo?.get(text);
}

export function remember(search: SecretSearch, text: string, scrubbed: string): string {
  const { memo } = search;
  if (memo && text.length <= MEMO_TEXT_LIMIT) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, scrubbed);
  }
  return scrubbed;
}
