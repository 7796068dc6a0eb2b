import { Type } from '@sinclair/typebox';
import { nonEmpty } from '../typebox-kit.js';
import { foresightErrorTypes } from './error-types.js';

export const typeboxSchema = Type.Object({
  error: Type.Object({
    type: Type.Union(foresightErrorTypes.map((type) => Type.Literal(type))),
    code: nonEmpty,
    message: Type.String(),
    param: Type.Optional(nonEmpty),
    requestId: nonEmpty,
    docsUrl: Type.String({ format: 'uri' }),
  }),
});
