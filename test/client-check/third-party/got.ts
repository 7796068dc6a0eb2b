import got, { HTTPError } from 'got';
import type { ClientFactory } from '../../../src/client-check/types.js';

/** got 14 with its built-in retry as it comes: no options beyond the request itself. */
export const gotClient: ClientFactory = (context) => async (call) => {
  try {
    const response = await got(`${context.baseUrl}${call.path}`, {
      method: call.method as 'GET',
      headers: { ...call.headers, ...(await context.authHeaders()) },
      ...(call.body === undefined ? {} : { json: call.body }),
    });
    return { status: response.statusCode };
  } catch (error) {
    if (error instanceof HTTPError) return { status: error.response.statusCode };
    throw error;
  }
};
