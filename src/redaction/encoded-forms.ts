/**
 * The reversible encodings of a known secret that a server or a report may show instead of the
 * secret itself: base64 and base64url (the secret alone, or inside a longer encoded value such as
 * a Basic credential, at any of the three byte alignments) and hex. Each is searched for literally,
 * like the secret. Only the characters that depend on the secret's bytes alone are searched for, so
 * an encoded secret is found whatever bytes surround it.
 */

/** Encoded forms shorter than this are not searched for: they would match ordinary words. */
const MIN_FORM_LENGTH = 8;

export interface EncodedForms {
  /** Searched for in the text as it is. */
  exact: string[];
  /** Searched for in the text with A-F lower-cased (hex either case). */
  hex: string;
}

const cache = new Map<string, EncodedForms>();
const CACHE_LIMIT = 256;

export function encodedForms(secret: string): EncodedForms {
  const cached = cache.get(secret);
  if (cached) return cached;
  const bytes = Buffer.from(secret, 'utf8');
  const exact = new Set<string>();
  for (let pad = 0; pad < 3; pad += 1) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
    // Characters fully inside the secret's bits: from the first after the padding's bits to the
    // last that ends within the secret.
    const core = encoded.slice(Math.ceil((8 * pad) / 6), Math.floor((8 * (pad + bytes.length)) / 6));
    if (core.length < MIN_FORM_LENGTH) continue;
    exact.add(core);
    exact.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  const forms = { exact: [...exact], hex: bytes.toString('hex') };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(secret, forms);
  return forms;
}

/** The text with A-F lower-cased and nothing else changed, so offsets stay as they are. */
export function lowerHexDigits(text: string): string {
  return /[A-F]/.test(text) ? text.replace(/[A-F]/g, (digit) => digit.toLowerCase()) : text;
}

/** The value of one hex digit's code unit (either case), or -1 when it is not one. */
export function hexDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/**
 * Whether the text holds `length` hex digits in a row: a text without such a run cannot hold a hex
 * form that long, so it need not be lower-cased and searched (a copy of every text otherwise).
 */
export function hasHexRun(text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (hexDigitValue(text.charCodeAt(i)) < 0) run = 0;
    else if (++run >= length) return true;
  }
  return false;
}
