import { Type } from '@sinclair/typebox';
import { OAUTH_CODE_PATTERN } from './oauth-code.js';

export const typeboxSchema = Type.Object({
  error: Type.String({ minLength: 1, pattern: OAUTH_CODE_PATTERN }),
  error_description: Type.Optional(Type.String()),
  error_uri: Type.Optional(Type.String({ format: 'uri' })),
  correlation_id: Type.Optional(Type.String()),
  trace_id: Type.Optional(Type.String()),
  timestamp: Type.Optional(Type.String()),
  error_codes: Type.Optional(Type.Array(Type.Integer())),
});
