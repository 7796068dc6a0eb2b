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
  const bare = host.replace(/^\[|\]$/g, '');
  return (
    bare === 'localhost' ||
    bare.endsWith('.localhost') ||
    bare === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(bare)
  );
}
