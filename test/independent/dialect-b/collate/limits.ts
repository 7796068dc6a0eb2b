/** The sandbox's own size limits (the doc names payload_too_large but no numbers). */
export const MAX_UPLOAD_BYTES = 256 * 1024;
export const MAX_JSON_BODY_BYTES = 64 * 1024;
