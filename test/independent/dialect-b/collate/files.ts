import type { Success } from './answers.js';
import { type Call, idParam } from './call.js';
import { CollateError } from './errors.js';
import { findFile } from './records.js';
import type { StoredFile } from './state.js';
import { IssueList } from './validate.js';
import { fileView } from './views.js';

/**
 * Uploads: raw bytes POSTed to the files collection (purpose and filename in the query), checked
 * against their declared type, then completed before they can be attached.
 */

/** The bytes each accepted content type must start with. */
const SIGNATURES: Record<string, Buffer> = {
  'application/pdf': Buffer.from('%PDF-'),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
};
const PURPOSES: readonly StoredFile['purpose'][] = ['authorization_attachment', 'correspondence'];

export function uploadFile(call: Call): Success {
  const issues = new IssueList();
  const purpose = call.query.get('purpose');
  if (purpose === null || !(PURPOSES as readonly string[]).includes(purpose)) {
    issues.add(
      'purpose',
      'not_allowed',
      `The purpose query parameter must be one of ${PURPOSES.join(', ')}.`,
    );
  }
  const signature = SIGNATURES[call.contentType];
  if (!signature) {
    issues.add(
      'Content-Type',
      'not_allowed',
      `Content-Type must be one of ${Object.keys(SIGNATURES).join(', ')}.`,
    );
  }
  issues.throwIfAny();
  if (call.bytes.length === 0 || !signature || !call.bytes.subarray(0, signature.length).equals(signature)) {
    throw new CollateError('invalid_file_content', 'The bytes do not match the declared content type.', {
      issues: [
        {
          field: 'body',
          problem: call.bytes.length === 0 ? 'empty' : 'signature_mismatch',
          message: `The body is not a ${call.contentType} file.`,
        },
      ],
    });
  }
  const file: StoredFile = {
    id: call.sandbox.store.fileIds.take(),
    organizationId: call.key.organizationId,
    purpose: purpose as StoredFile['purpose'],
    status: 'pending',
    contentType: call.contentType,
    size: call.bytes.length,
    filename: call.query.get('filename') ?? 'upload',
  };
  call.sandbox.store.files.set(file.id, file);
  return { status: 201, body: { data: fileView(file) }, headers: { Location: `/v2/files/${file.id}` } };
}

export function completeFile(call: Call): Success {
  const file = findFile(call, idParam(call, 'fileId'));
  file.status = 'ready';
  return { status: 200, body: { data: fileView(file) } };
}

export function getFile(call: Call): Success {
  return { status: 200, body: { data: fileView(findFile(call, idParam(call, 'fileId'))) } };
}
