import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePointer, setAtTokens } from '../../src/normalize/json-pointer.js';
import {
  errorBodyTemplate,
  jsonString,
  NO_EXTRAS,
  writeErrorBody,
} from '../../src/simulator/error-body-template.js';
import { errorResponse, knownByteLength } from '../../src/simulator/errors-response.js';
import { vendorModels } from '../../src/simulator/vendors/index.js';
import { getVendor, vendorIds } from '../../src/vendors/registry.js';

const MESSAGES = [
  'No prior authorization pa_gone is visible here.',
  'quotes " and backslash \\ and a newline\n',
  '  leading and trailing spaces  ',
  'non-ASCII: é ✓ 🙂 and a lone surrogate \ud800',
  '',
];

describe('error bodies written from a compiled envelope', () => {
  it.each(vendorIds)(
    '%s: the same text as JSON.stringify of the body the envelope builds, for every catalog code',
    (vendorId) => {
      const model = vendorModels[vendorId];
      const { policy, catalog } = getVendor(vendorId);
      const requestIdAt = policy.requestId.pointer ? parsePointer(policy.requestId.pointer) : undefined;
      for (const entry of catalog) {
        for (const message of MESSAGES) {
          for (const requestId of requestIdAt ? ['req_"odd"\\id', 'req_01ABC'] : [undefined]) {
            const now = Date.UTC(2026, 0, 1);
            const answer = errorResponse({
              vendorId,
              requestIdAt,
              shapeError: model.shapeError,
              code: entry.code,
              message,
              extras: NO_EXTRAS,
              requestId,
              clock: { now: () => now },
            });
            const body = model.shapeError({ entry, message, extras: NO_EXTRAS, now });
            if (requestIdAt && requestId !== undefined) setAtTokens(body, requestIdAt, requestId);
            // ClaimRev's envelope carries a random correlation id: compare it with that id put aside.
            const parsed = JSON.parse(answer.body) as Record<string, unknown>;
            if ('correlation_id' in parsed)
              (body as Record<string, unknown>).correlation_id = parsed.correlation_id;
            expect(answer.body).toBe(JSON.stringify(body));
            // A length the answer knows is the length the transport would have measured.
            const known = knownByteLength(answer);
            if (known !== undefined) expect(known).toBe(Buffer.byteLength(answer.body));
          }
        }
      }
    },
  );

  it('are compiled for envelopes that depend only on the message and request id, not for timestamped or random ones', () => {
    const compiled = (vendorId: (typeof vendorIds)[number]) => {
      const { policy, catalog } = getVendor(vendorId);
      const at = policy.requestId.pointer ? parsePointer(policy.requestId.pointer) : undefined;
      return errorBodyTemplate(vendorModels[vendorId].shapeError, catalog[0] as never, at) !== undefined;
    };
    expect(compiled('collate')).toBe(true);
    expect(compiled('denialbase')).toBe(true);
    expect(compiled('foresight')).toBe(true);
    // A timestamp (CaseXchange) and a random correlation id (ClaimRev) change from one error to the next.
    expect(compiled('casexchange')).toBe(false);
    expect(compiled('claimrev')).toBe(false);
  });

  it('refuse an envelope that writes the message inside a longer string or changes it', () => {
    const entry = getVendor('collate').catalog[0] as never;
    expect(
      errorBodyTemplate(({ message }) => ({ error: `Error: ${message}` }), entry, undefined),
    ).toBeUndefined();
    expect(
      errorBodyTemplate(({ message }) => ({ error: message.toUpperCase() }), entry, undefined),
    ).toBeUndefined();
    expect(errorBodyTemplate(({ message }) => ({ size: message.length }), entry, undefined)).toBeUndefined();
  });

  it('write the message wherever the envelope repeats it', () => {
    const entry = getVendor('collate').catalog[0] as never;
    const template = errorBodyTemplate(
      ({ message }) => ({ a: message, b: { c: message } }),
      entry,
      undefined,
    );
    expect(template).toBeDefined();
    if (template)
      expect(writeErrorBody(template, 'x"y', undefined).text).toBe(
        JSON.stringify({ a: 'x"y', b: { c: 'x"y' } }),
      );
  });

  it('write a request id marked plain between quotes, the same text JSON.stringify gives it', () => {
    const entry = getVendor('collate').catalog[0] as never;
    const requestIdAt = parsePointer('/requestId');
    const shape = ({ message }: { message: string }) => ({ message });
    const template = errorBodyTemplate(shape, entry, requestIdAt);
    expect(template).toBeDefined();
    if (!template) return;
    for (const id of ['req_01ABCdef', 'req_x']) {
      const expected = JSON.stringify({ message: 'm', requestId: id });
      expect(writeErrorBody(template, 'm', id, true).text).toBe(expected);
      expect(writeErrorBody(template, 'm', id).text).toBe(expected);
    }
  });

  it('quote a string exactly as JSON.stringify does, awkward characters included', () => {
    const awkward = [
      '',
      'plain',
      '"',
      '\\',
      '\u0000',
      '\u001f',
      ' ',
      '~',
      '\u007f',
      '\u0080',
      'é',
      '\u2028',
      '\ud800',
      '\udfff',
      '🙂',
      'a"b\\c\nd',
    ];
    for (const text of awkward) expect(jsonString(text)).toBe(JSON.stringify(text));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => jsonString(text) === JSON.stringify(text)),
      { numRuns: 2000 },
    );
  });

  it('know their body length only for the body they were written with', () => {
    const model = vendorModels.collate;
    const requestIdAt = parsePointer(getVendor('collate').policy.requestId.pointer ?? '');
    const answer = errorResponse({
      vendorId: 'collate',
      requestIdAt,
      shapeError: model.shapeError,
      code: 'prior_authorization_not_found',
      message: 'No prior authorization é is visible here.',
      extras: NO_EXTRAS,
      requestId: 'req_01ABC',
      requestIdIsPlain: true,
      clock: { now: () => 0 },
    });
    expect(knownByteLength(answer)).toBe(Buffer.byteLength(answer.body));
    // A copy (as drift variants make) and a changed body are measured afresh.
    expect(knownByteLength({ ...answer })).toBeUndefined();
    expect(knownByteLength({ ...answer, body: '{}' })).toBeUndefined();
    answer.body = `${answer.body} `;
    expect(knownByteLength(answer)).toBeUndefined();
  });
});
