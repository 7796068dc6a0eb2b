import ky, { HTTPError } from 'ky';
import type { ClientFactory } from '../../../src/client-check/types.js';

/** ky 1 with its built-in retry as it comes (two retries, its default timeout of 10 s). */
export const kyClient: ClientFactory = (context) => async (call) => {
  try {
    const response = await ky(`${context.baseUrl}${call.path}`, {
      method: call.method,
      headers: { ...call.headers, ...(await context.authHeaders()) },
      ...(call.body === undefined ? {} : { json: call.body }),
    });
    return { status: response.status };
  } catch (error) {
    if (error instanceof HTTPError) return { status: error.response.status };
    throw error;
  }
};
