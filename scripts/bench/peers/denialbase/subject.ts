import { absent, edit } from '../edit.js';
import type { PeerSubject } from '../peer.js';

export const subject: PeerSubject = {
  envelope: 'envelope',
  invalid: (valid) => edit(valid, ['error', 'details', 1, 'field'], absent),
  mutations: (valid) => [
    { label: 'no details', data: edit(valid, ['error', 'details'], absent) },
    { label: 'details as an object', data: edit(valid, ['error', 'details'], {}) },
    { label: 'an empty field name', data: edit(valid, ['error', 'details', 0, 'field'], '') },
    { label: 'an empty details list', data: edit(valid, ['error', 'details'], []) },
    { label: 'a missing request id', data: edit(valid, ['error', 'request_id'], absent) },
    { label: 'an extra detail member', data: edit(valid, ['error', 'details', 0, 'code'], 1) },
    { label: 'a string body', data: 'not an object' },
  ],
};
