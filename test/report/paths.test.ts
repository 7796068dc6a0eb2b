import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getVendor, vendorIds } from '../../src/index.js';
import { CHECKLIST_PATHS, checklistPathIds, isChecklistPathId } from '../../src/report/paths.js';
import { schemasDir } from '../helpers/paths.js';

const schema = JSON.parse(readFileSync(join(schemasDir, 'meta', 'run-result.schema.json'), 'utf8'));

describe('checklist paths', () => {
  it('are the twelve matrix rows of the design, in order, each with a status and a label', () => {
    expect(checklistPathIds).toEqual([
      'unauthenticated',
      'second_factor',
      'forbidden_tier',
      'forbidden_ownership',
      'validation',
      'not_found',
      'conflict',
      'idempotency_reuse',
      'payload_too_large',
      'rate_limit',
      'server_retry',
      'other',
    ]);
    for (const path of CHECKLIST_PATHS) {
      expect(path.status).not.toBe('');
      expect(path.label).not.toBe('');
    }
  });

  it('match the path enum of the run-result schema exactly', () => {
    expect(schema.$defs.path.enum).toEqual(checklistPathIds);
  });

  it.each(vendorIds)("cover every checklist tag in %s's catalog", (id) => {
    const tags = getVendor(id).catalog.flatMap((entry) => entry.checklist ?? []);
    expect(tags.filter((tag) => !isChecklistPathId(tag))).toEqual([]);
  });
});
