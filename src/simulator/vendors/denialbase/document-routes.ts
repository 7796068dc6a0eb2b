import { randomUUID } from 'node:crypto';
import { addCreated } from '../../bounded-store.js';
import { bodyText, okOr, route } from '../../routing.js';
import type { SimRequest } from '../../types.js';
import { containsTestVirus } from '../../virus-scan.js';
import { authed, failure, owned, validationFailed } from './access.js';
import type { DocumentRecord, State } from './state.js';

/** The uploaded file's name, from a multipart part or a header for a raw upload. */
function uploadedFileName(request: SimRequest): string | undefined {
  const type = request.headers['content-type'] ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const match = /content-disposition:\s*form-data;\s*name="file"(?:;\s*filename="([^"]*)")?/i.exec(
      bodyText(request),
    );
    return match ? (match[1] ?? 'upload') : undefined;
  }
  return request.body.length ? (request.headers['x-filename'] ?? 'upload') : undefined;
}

export const documentRoutes = [
  route<State>(
    'POST',
    '/api/v1/documents',
    authed('write', (request, ctx, _p, caller) => {
      const type = request.headers['content-type'] ?? '';
      if (!/^(multipart\/form-data|application\/(octet-stream|pdf))/i.test(type)) {
        return failure(
          'unsupported_media_type',
          ctx,
          `send multipart/form-data with a file part, not ${type || 'no content type'}`,
        );
      }
      const filename = uploadedFileName(request);
      if (filename === undefined) return validationFailed(ctx, [{ field: 'file', message: 'is required' }]);
      if (containsTestVirus(request.body)) {
        return ctx.error('virus_detected', 'The file did not pass the virus scan and was discarded.');
      }
      const document: DocumentRecord = {
        id: randomUUID(),
        org_id: caller.user.orgId,
        filename,
        byte_size: request.body.length,
      };
      addCreated(ctx.state.documents, document.id, document);
      return ctx.json(201, document);
    }),
  ),
  route<State>(
    'GET',
    '/api/v1/documents/:id',
    authed('read', (_r, ctx, params, caller) => {
      const found = owned(ctx, ctx.state.documents, params.id, caller);
      return okOr(ctx, found);
    }),
  ),
];
