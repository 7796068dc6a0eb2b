/** RFC 6749's error charset (printable ASCII without " and \), as the token error schema has it. */
export const OAUTH_CODE_PATTERN = '^[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+$';
