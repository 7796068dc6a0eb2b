import { isLoopbackHost } from './loopback.js';

/**
 * The origins a run may send to: this machine, and the origins of the base URLs and token URLs
 * the run's configuration declared (a sandbox, or any host with --yes-this-is-a-sandbox). Every
 * request URL is checked after it is resolved, since an operation path filled in at run time can
 * move a request elsewhere: `@evil.example/x` after `https://sandbox.example` is a request to
 * evil.example with sandbox.example as its user name.
 */
export interface RequestGuard {
  /** Why the URL may not be sent to, or undefined when it may. */
  refusal(url: string): string | undefined;
}

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export function createRequestGuard(declaredUrls: Iterable<string>): RequestGuard {
  const allowed = new Set<string>();
  for (const url of declaredUrls) {
    const origin = originOf(url);
    if (origin) allowed.add(origin);
  }
  return {
    refusal(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return 'a request URL that does not parse';
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `a ${parsed.protocol} URL`;
      if (parsed.username || parsed.password) return `a URL with user info, to ${parsed.host}`;
      if (isLoopbackHost(parsed.hostname) || allowed.has(parsed.origin)) return undefined;
      return `${parsed.host}, which is neither loopback nor a declared base or token URL`;
    },
  };
}
