import { Type } from '@sinclair/typebox';
import { nonEmpty } from '../typebox-kit.js';

export const typeboxSchema = Type.Object({
  error: Type.Object({ code: nonEmpty, message: Type.String() }),
  meta: Type.Optional(
    Type.Object({
      requestId: Type.Optional(nonEmpty),
      timestamp: Type.Optional(Type.String({ format: 'date-time' })),
    }),
  ),
});
