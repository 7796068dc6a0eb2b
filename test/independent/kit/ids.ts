import { randomBytes, randomUUID } from 'node:crypto';

export const uuid = (): string => randomUUID();

/** A short random token for credentials and keys, so every start of the servers has its own. */
export const secret = (bytes = 12): string => randomBytes(bytes).toString('base64url');
