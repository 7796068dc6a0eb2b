import { z } from 'zod';
import { uri } from '../zod-kit.js';
import { OAUTH_CODE_PATTERN } from './oauth-code.js';

export const zodSchema = z.looseObject({
  error: z.string().min(1).regex(new RegExp(OAUTH_CODE_PATTERN)),
  error_description: z.string().optional(),
  error_uri: uri.optional(),
  correlation_id: z.string().optional(),
  trace_id: z.string().optional(),
  timestamp: z.string().optional(),
  error_codes: z.array(z.number().refine(Number.isInteger)).optional(),
});
