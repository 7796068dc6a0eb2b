import { absent, edit } from '../edit.js';
import type { PeerSubject } from '../peer.js';

export const subject: PeerSubject = {
  envelope: 'envelope',
  invalid: (valid) => edit(valid, ['error', 'type'], 'validation'),
  mutations: (valid) => [
    { label: 'no param', data: edit(valid, ['error', 'param'], absent) },
    { label: 'an empty param', data: edit(valid, ['error', 'param'], '') },
    { label: 'a relative docs URL', data: edit(valid, ['error', 'docsUrl'], '/guides/errors') },
    { label: 'a docs URL with a space', data: edit(valid, ['error', 'docsUrl'], 'https://x.test/a b') },
    { label: 'a missing request id', data: edit(valid, ['error', 'requestId'], absent) },
    { label: 'an extra member', data: edit(valid, ['error', 'retryable'], false) },
    { label: 'null', data: null },
  ],
};
