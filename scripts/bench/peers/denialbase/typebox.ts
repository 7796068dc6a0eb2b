import { Type } from '@sinclair/typebox';
import { nonEmpty } from '../typebox-kit.js';

export const typeboxSchema = Type.Object({
  error: Type.Object({
    code: nonEmpty,
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ field: nonEmpty, message: Type.String() }))),
    request_id: nonEmpty,
  }),
});
