import { z } from 'zod';
import { nonEmpty, uri } from '../zod-kit.js';
import { foresightErrorTypes } from './error-types.js';

export const zodSchema = z.looseObject({
  error: z.looseObject({
    type: z.enum(foresightErrorTypes),
    code: nonEmpty,
    message: z.string(),
    param: nonEmpty.optional(),
    requestId: nonEmpty,
    docsUrl: uri,
  }),
});
