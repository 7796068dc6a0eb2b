import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens shaped like the JWTs an identity provider issues: header.payload.signature, signed
 * with a key that exists only for this start. The environment travels inside the token, which is
 * how the API tells a production token from a sandbox one.
 */
export type Environment = 'sandbox' | 'production';

export interface TokenClaims {
  env: Environment;
  clientId: string;
  scope: string;
  /** Seconds since the epoch, on the vendor clock. */
  iat: number;
  exp: number;
}

export type TokenReading = { kind: 'wellFormed'; claims: TokenClaims } | { kind: 'malformed' };

export interface TokenMint {
  issue(claims: TokenClaims): string;
  read(token: string): TokenReading;
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createTokenMint(): TokenMint {
  const key = randomBytes(32);
  const sign = (text: string): Buffer => createHmac('sha256', key).update(text).digest();
  return {
    issue(claims) {
      const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
      return `${unsigned}.${sign(unsigned).toString('base64url')}`;
    },
    read(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return { kind: 'malformed' };
      const [header, payload, signature] = parts as [string, string, string];
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'malformed' };
      const claims = parseClaims(payload);
      return claims === undefined ? { kind: 'malformed' } : { kind: 'wellFormed', claims };
    },
  };
}

function parseClaims(payload: string): TokenClaims | undefined {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    if (value.env !== 'sandbox' && value.env !== 'production') return undefined;
    if (
      typeof value.clientId !== 'string' ||
      typeof value.exp !== 'number' ||
      typeof value.iat !== 'number'
    ) {
      return undefined;
    }
    return {
      env: value.env,
      clientId: value.clientId,
      scope: String(value.scope ?? ''),
      iat: value.iat,
      exp: value.exp,
    };
  } catch {
    return undefined;
  }
}
