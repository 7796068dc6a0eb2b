import dns, { type LookupAddress, type LookupOptions } from 'node:dns';

/**
 * Whether a host name is this machine: `localhost` and every name under it (RFC 6761 reserves them
 * for loopback), `::1`, and 127.0.0.0/8. Compared without regard to case or IPv6 brackets.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return isLocalhostName(bare) || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

function isLocalhostName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for node:http that answers `localhost` and `*.localhost` with 127.0.0.1 itself rather
 * than asking the system resolver. The loopback guard lets those names through without a sandbox
 * declaration; a resolver that mapped one elsewhere would otherwise receive the run's credentials.
 * Every other name goes to dns.lookup as usual.
 */
export function pinnedLoopbackLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  if (isLocalhostName(hostname.replace(/\.$/, '').toLowerCase())) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  // Read at call time, so that whatever dns.lookup is then (a test's stand-in included) is used.
  dns.lookup(hostname, options, callback as never);
}
