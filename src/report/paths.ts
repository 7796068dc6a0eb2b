/**
 * The rows of the conformance matrix (DESIGN.md's checklist), in the order reports show them.
 * Catalog entries name these ids in their `checklist` tags and every check result names one as its
 * `path`; the JSON Schema of a run result lists the same ids, and a test keeps the two in step.
 */
export const CHECKLIST_PATHS = [
  { id: 'unauthenticated', status: '401', label: 'Missing, invalid or expired credentials' },
  { id: 'second_factor', status: '402', label: 'Second factor required' },
  { id: 'forbidden_tier', status: '403', label: 'Insufficient tier or scope' },
  { id: 'forbidden_ownership', status: '403', label: 'Resource of another organisation' },
  { id: 'validation', status: '400/422', label: 'Validation with field details' },
  { id: 'not_found', status: '404', label: 'Stale or unknown id' },
  { id: 'conflict', status: '409', label: 'Conflict, version or state' },
  { id: 'idempotency_reuse', status: '409', label: 'Idempotency key reuse' },
  { id: 'payload_too_large', status: '413', label: 'Payload too large' },
  { id: 'rate_limit', status: '429', label: 'Rate limit and backoff' },
  { id: 'server_retry', status: '5xx', label: 'Server error retry schedule' },
  { id: 'other', status: 'other', label: 'Other documented codes' },
] as const;

export type ChecklistPathId = (typeof CHECKLIST_PATHS)[number]['id'];
export type ChecklistPath = (typeof CHECKLIST_PATHS)[number];

export const checklistPathIds: readonly ChecklistPathId[] = CHECKLIST_PATHS.map((path) => path.id);

export function isChecklistPathId(value: string): value is ChecklistPathId {
  return (checklistPathIds as readonly string[]).includes(value);
}

/** "429 Rate limit and backoff": how a row is named to a person. */
export function pathTitle(path: ChecklistPath): string {
  return path.status === 'other' ? path.label : `${path.status} ${path.label}`;
}
