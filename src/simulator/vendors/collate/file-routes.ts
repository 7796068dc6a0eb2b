import { randomBytes } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { bodyText, route } from '../../routing.js';
import { authed, issue, withBody } from './access.js';
import type { FileRecord, State } from './state.js';

export const fileRoutes = [
  route<State>(
    'POST',
    '/v1/files',
    authed('write', (request, ctx, _p, key) =>
      withBody(request, ctx, (body) => {
        const purpose = body.purpose;
        if (purpose !== 'authorization_attachment' && purpose !== 'export') {
          return ctx.error('request_validation_failed', 'The file needs a purpose.', {
            issues: [issue('/purpose', 'must be authorization_attachment or export')],
          });
        }
        const file: FileRecord = {
          id: `file_${randomBytes(8).toString('hex')}`,
          orgId: key.orgId,
          purpose,
          contentType: typeof body.contentType === 'string' ? body.contentType : 'application/pdf',
          status: 'pending',
        };
        addCreated(ctx.state.files, file.id, file);
        return ctx.json(201, { ...file, uploadPath: `/v1/files/${file.id}/content` });
      }),
    ),
  ),
  route<State>(
    'GET',
    '/v1/files/:id',
    authed('read', (_r, ctx, params, key) => {
      const file = ctx.state.files.get(params.id ?? '');
      if (!file || file.orgId !== key.orgId)
        return ctx.error('file_not_found', `No file ${params.id} is visible here.`);
      return ctx.json(200, file);
    }),
  ),
  route<State>(
    'PUT',
    '/v1/files/:id/content',
    authed('write', (request, ctx, params, key) => {
      const file = ctx.state.files.get(params.id ?? '');
      if (!file || file.orgId !== key.orgId)
        return ctx.error('file_not_found', `No file ${params.id} is visible here.`);
      if (file.contentType === 'application/pdf' && !bodyText(request).startsWith('%PDF-')) {
        return ctx.error('invalid_file_content', 'The content is not the PDF the file was declared as.', {
          issues: [issue('/content', 'does not start with a PDF header')],
        });
      }
      file.status = 'ready';
      return ctx.json(200, file);
    }),
  ),
];
