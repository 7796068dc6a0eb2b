import { call, credential, operationUrl } from '../kit/client.js';
import type { ExamplePlay } from '../kit/examples.js';

/** The analyst's session cookie, from signing in; the sign-in steps themselves are not replayed. */
export const examples: ExamplePlay = {
  authenticate: async (directory) => {
    const signIn = credential(directory, 'analyst');
    if (signIn.kind !== 'signIn') throw new Error('analyst is not a sign-in');
    const reply = await call(operationUrl(directory, signIn.operation), {
      method: 'POST',
      json: signIn.body,
    });
    return { cookie: (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  },
  notPlayed: ['signIn', 'completeSecondFactor', 'signOut'],
};
