import axios, { isAxiosError } from 'axios';
import axiosRetry from 'axios-retry';
import type { ClientFactory } from '../../../src/client-check/types.js';

/**
 * axios 1 with axios-retry 4, set up the way axios-retry's README suggests for backoff:
 * `exponentialDelay` as the retry delay, every other option at its default.
 */
export const axiosClient: ClientFactory = (context) => {
  const client = axios.create();
  axiosRetry(client, { retryDelay: axiosRetry.exponentialDelay });
  return async (call) => {
    try {
      const response = await client.request({
        url: `${context.baseUrl}${call.path}`,
        method: call.method,
        headers: { ...call.headers, ...(await context.authHeaders()) },
        ...(call.body === undefined ? {} : { data: call.body }),
      });
      return { status: response.status };
    } catch (error) {
      if (isAxiosError(error) && error.response) return { status: error.response.status };
      throw error;
    }
  };
};
