import { absent, edit } from '../edit.js';
import type { PeerSubject } from '../peer.js';

export const subject: PeerSubject = {
  envelope: 'envelope',
  invalid: (valid) => edit(valid, ['meta', 'timestamp'], '2026-03-31 noon'),
  mutations: (valid) => [
    {
      label: 'a date that does not exist',
      data: edit(valid, ['meta', 'timestamp'], '2026-04-31T12:00:00Z'),
    },
    { label: 'an offset time', data: edit(valid, ['meta', 'timestamp'], '2026-03-31T12:00:00+02:00') },
    { label: 'a time with no zone', data: edit(valid, ['meta', 'timestamp'], '2026-03-31T12:00:00') },
    { label: 'missing meta', data: edit(valid, ['meta'], absent) },
    { label: 'an empty code', data: edit(valid, ['error', 'code'], '') },
    { label: 'a numeric message', data: edit(valid, ['error', 'message'], 1) },
    { label: 'an extra member', data: edit(valid, ['links'], {}) },
    { label: 'an array body', data: [valid] },
  ],
};
