import { atPointer } from '../kit/cases.js';
import { call, credential } from '../kit/client.js';
import type { ExamplePlay } from '../kit/examples.js';

/** The main client's token, asked for with the client credentials grant. */
export const examples: ExamplePlay = {
  authenticate: async (directory) => {
    const client = credential(directory, 'mainClient');
    if (client.kind !== 'oauthClient') throw new Error('mainClient is not an OAuth client');
    const reply = await call(client.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        scope: client.scope,
      }).toString(),
    });
    return { authorization: `Bearer ${String(atPointer(reply.body, '/access_token'))}` };
  },
};
