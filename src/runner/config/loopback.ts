import { isLoopbackHost } from '../../net/loopback.js';

/**
 * Whether a base URL points at this machine. Anything else is somebody's server, and test traffic
 * (bursts to provoke a 429, writes that create records) goes there only once the run's
 * configuration says, in so many words, that it is a sandbox.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  // Names under localhost count: the http exchange connects them to loopback itself (RFC 6761).
  return isLoopbackHost(host);
}
