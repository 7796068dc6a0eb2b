import { absent, edit } from '../edit.js';
import type { PeerSubject } from '../peer.js';

export const subject: PeerSubject = {
  envelope: 'envelope',
  invalid: (valid) => edit(edit(valid, ['error', 'retryable'], 'false'), ['requestId'], absent),
  mutations: (valid) => [
    {
      label: 'no details or issues',
      data: { error: { code: 'x', message: 'y', retryable: true }, requestId: 'r' },
    },
    { label: 'details as an array', data: edit(valid, ['error', 'details'], []) },
    { label: 'details as null', data: edit(valid, ['error', 'details'], null) },
    { label: 'an issue that is a string', data: edit(valid, ['error', 'issues'], ['bad']) },
    { label: 'an empty request id', data: edit(valid, ['requestId'], '') },
    { label: 'extra members', data: edit(edit(valid, ['trace'], 1), ['error', 'hint'], 'h') },
    { label: 'error as an array', data: edit(valid, ['error'], []) },
  ],
};
