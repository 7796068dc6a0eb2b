import type { CatalogEntry } from '../generated/meta-types.js';
import { type PointerTokens, setAtTokens } from '../normalize/json-pointer.js';
import type { ErrorExtras, ShapeErrorInput } from './types.js';

/**
 * The JSON text of a vendor's error body for one catalog entry, compiled from the vendor's own
 * envelope: the fixed text between the places where a request's message and request id go. Writing
 * those two strings into it gives exactly what JSON.stringify gives for the body the envelope builds
 * (a JSON string value is written the same wherever it sits), without walking the object: that walk
 * was the largest single cost of a simulated error answer.
 *
 * A template is made only for an envelope whose text depends on nothing but the message and the
 * request id: it is built twice, with two different messages, request ids and clocks, and kept only
 * when both give the same fixed text. An envelope with a timestamp, a random id, or a message
 * written inside a longer string gets none, and its errors are serialized as before.
 */
export interface ErrorBodyTemplate {
  /** Fixed text; one more than `slots`. */
  readonly parts: readonly string[];
  readonly slots: readonly Slot[];
  /** The UTF-8 length of the parts together. */
  readonly fixedBytes: number;
}

type Slot = 'message' | 'requestId';

type Shape = (input: ShapeErrorInput) => unknown;

/** The extras of an error given none; only errors given none are written from a template. */
export const NO_EXTRAS: ErrorExtras = Object.freeze({});

const PROBES = [
  { message: '__sim_message_a__', requestId: '__sim_request_id_a__', now: 0 },
  { message: '__sim_message_bb__', requestId: '__sim_request_id_bb__', now: 1_700_000_000_123 },
] as const;
const PROBE_MARK = '__sim_';

/**
 * Each envelope's templates by catalog entry, one table for bodies that carry a request id and one
 * for bodies that do not; null for an entry that has none. Keyed by the entry object rather than a
 * text made of its code: a new key string per error had to be hashed for every lookup.
 */
const withIdTemplates = new WeakMap<Shape, Map<CatalogEntry, ErrorBodyTemplate | null>>();
const plainTemplates = new WeakMap<Shape, Map<CatalogEntry, ErrorBodyTemplate | null>>();

/** The template for this envelope and entry; `requestIdAt` only when a request id is placed. */
export function errorBodyTemplate(
  shape: Shape,
  entry: CatalogEntry,
  requestIdAt: PointerTokens | undefined,
): ErrorBodyTemplate | undefined {
  const tables = requestIdAt ? withIdTemplates : plainTemplates;
  let byEntry = tables.get(shape);
  if (!byEntry) {
    byEntry = new Map();
    tables.set(shape, byEntry);
  }
  let template = byEntry.get(entry);
  if (template === undefined) {
    template = compile(shape, entry, requestIdAt);
    byEntry.set(entry, template);
  }
  return template ?? undefined;
}

/** A body's JSON text and its length in UTF-8 bytes. */
export interface WrittenBody {
  text: string;
  bytes: number;
}

/**
 * The body's JSON text for this message and request id, and its UTF-8 length, known from the
 * pieces it is written from (the fixed text measured once, a quoted ASCII string by its length), so
 * the transport need not walk the text again to send its Content-Length. `requestIdIsPlain` says
 * the id is known to be written in JSON as it is, between quotes (the runtime's own ids are: see
 * request-ids.ts), so it is not searched for characters to escape.
 */
export function writeErrorBody(
  template: ErrorBodyTemplate,
  message: string,
  requestId: string | undefined,
  requestIdIsPlain = false,
): WrittenBody {
  const { parts, slots } = template;
  const messageJson = quoted(message);
  const idJson = requestId === undefined ? NO_ID : quoted(requestId, requestIdIsPlain ? true : undefined);
  let text = parts[0] as string;
  let bytes = template.fixedBytes;
  for (let at = 0; at < slots.length; at++) {
    const isMessage = slots[at] === 'message';
    const value = isMessage ? messageJson : idJson;
    text += value.text;
    bytes += value.bytes;
    text += parts[at + 1] as string;
  }
  return { text, bytes };
}

/**
 * A string's JSON text: the same as JSON.stringify(text). JSON writes printable ASCII other than
 * the quote and the backslash as it is, between quotes, and request ids and most messages are
 * nothing else; for them one search for anything else is cheaper than JSON.stringify, which showed
 * on every simulated error. Any other character (a control character, DEL or beyond, including a
 * lone surrogate, some of which JSON.stringify escapes) sends the whole string to JSON.stringify.
 */
export function jsonString(text: string): string {
  return quoted(text).text;
}

/**
 * jsonString with the text's UTF-8 length: a quoted plain string is ASCII, one byte a character.
 * `plain` may be given as true by a caller that knows the text needs no escape.
 */
function quoted(text: string, plain = !ESCAPED_OR_NOT_ASCII.test(text)): WrittenBody {
  if (plain) {
    const json = `"${text}"`;
    return { text: json, bytes: json.length };
  }
  const json = JSON.stringify(text);
  return { text: json, bytes: Buffer.byteLength(json) };
}

const NO_ID: WrittenBody = { text: '', bytes: 0 };

/** Anything but printable ASCII (space to tilde), and the quote (x22) and the backslash (x5c). */
const ESCAPED_OR_NOT_ASCII = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

function compile(
  shape: Shape,
  entry: CatalogEntry,
  requestIdAt: PointerTokens | undefined,
): ErrorBodyTemplate | null {
  const [first, second] = PROBES.map((probe) => {
    const body = shape({ entry, message: probe.message, extras: NO_EXTRAS, now: probe.now });
    if (requestIdAt) setAtTokens(body, requestIdAt, probe.requestId);
    return split(JSON.stringify(body), probe.message, probe.requestId);
  });
  if (!first || !second) return null;
  const same =
    first.parts.length === second.parts.length &&
    first.parts.every((part, at) => part === second.parts[at]) &&
    first.slots.every((slot, at) => slot === second.slots[at]);
  return same ? first : null;
}

/** The text cut at each quoted probe value; null when a probe value sits anywhere else. */
function split(text: string, message: string, requestId: string): ErrorBodyTemplate | null {
  const parts: string[] = [];
  const slots: Slot[] = [];
  const quotedMessage = JSON.stringify(message);
  const quotedId = JSON.stringify(requestId);
  let from = 0;
  for (;;) {
    const atMessage = text.indexOf(quotedMessage, from);
    const atId = text.indexOf(quotedId, from);
    if (atMessage === -1 && atId === -1) break;
    const isMessage = atId === -1 || (atMessage !== -1 && atMessage < atId);
    const at = isMessage ? atMessage : atId;
    parts.push(text.slice(from, at));
    slots.push(isMessage ? 'message' : 'requestId');
    from = at + (isMessage ? quotedMessage.length : quotedId.length);
  }
  parts.push(text.slice(from));
  if (parts.some((part) => part.includes(PROBE_MARK))) return null;
  const fixedBytes = parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
  return { parts, slots, fixedBytes };
}
