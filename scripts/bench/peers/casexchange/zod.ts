import { z } from 'zod';
import { dateTime, nonEmpty } from '../zod-kit.js';

export const zodSchema = z.looseObject({
  error: z.looseObject({ code: nonEmpty, message: z.string() }),
  meta: z.looseObject({ requestId: nonEmpty.optional(), timestamp: dateTime.optional() }).optional(),
});
