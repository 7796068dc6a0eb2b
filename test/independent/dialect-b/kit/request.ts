import type { IncomingMessage } from 'node:http';

/** The parts of a request every vendor looks at, parsed once. */
export interface RequestLine {
  method: string;
  pathname: string;
  query: URLSearchParams;
}

export function requestLine(req: IncomingMessage): RequestLine {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  return { method: req.method ?? 'GET', pathname: url.pathname, query: url.searchParams };
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const authorization = headerValue(req, 'authorization');
  const match = authorization?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim();
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = headerValue(req, 'cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
