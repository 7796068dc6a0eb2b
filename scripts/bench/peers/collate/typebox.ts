import { Type } from '@sinclair/typebox';
import { anyObject, nonEmpty } from '../typebox-kit.js';

export const typeboxSchema = Type.Object({
  error: Type.Object({
    code: nonEmpty,
    message: Type.String(),
    retryable: Type.Boolean(),
    details: Type.Optional(anyObject),
    issues: Type.Optional(Type.Array(anyObject)),
  }),
  requestId: nonEmpty,
});
