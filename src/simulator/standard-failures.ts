import type { ModelContext, SimResponse, StandardFailure } from './types.js';

/** Our own short explanation of each standard failure; the detail says what exactly was wrong. */
const EXPLANATIONS: Record<StandardFailure, string> = {
  unknown_route: 'No endpoint answers this method and path',
  malformed_json: 'The request body could not be read as JSON',
  unsupported_media_type: 'The request body has a content type this endpoint does not take',
  payload_too_large: 'The request body is larger than this endpoint accepts',
  invalid_idempotency_key: 'The idempotency key is not in the expected form',
  internal: 'Something failed on the server while handling the request',
};

/**
 * For vendors with a typed envelope, a standard failure is just one of their catalog codes;
 * the table says which, so the vendor module holds only that mapping.
 */
export function failuresFromTable<S>(
  codes: Record<StandardFailure, string>,
): (kind: StandardFailure, context: ModelContext<S>, detail: string) => SimResponse {
  return (kind, context, detail) => context.error(codes[kind], failureMessage(kind, detail));
}

export function failureMessage(kind: StandardFailure, detail: string): string {
  return kind === 'internal' ? `${EXPLANATIONS[kind]}.` : `${EXPLANATIONS[kind]}: ${detail}.`;
}
