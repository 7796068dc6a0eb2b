import { z } from 'zod';
import { anyObject, nonEmpty } from '../zod-kit.js';

export const zodSchema = z.looseObject({
  error: z.looseObject({
    code: nonEmpty,
    message: z.string(),
    retryable: z.boolean(),
    details: anyObject.optional(),
    issues: z.array(anyObject).optional(),
  }),
  requestId: nonEmpty,
});
