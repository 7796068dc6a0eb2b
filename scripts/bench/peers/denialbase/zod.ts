import { z } from 'zod';
import { nonEmpty } from '../zod-kit.js';

export const zodSchema = z.looseObject({
  error: z.looseObject({
    code: nonEmpty,
    message: z.string(),
    details: z.array(z.looseObject({ field: nonEmpty, message: z.string() })).optional(),
    request_id: nonEmpty,
  }),
});
