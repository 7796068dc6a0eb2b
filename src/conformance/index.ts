/** The check executor: a vendor's checklist derived from its data, run over HTTP against a target. */
export { checklistFor } from './checklist.js';
export { type RunChecklistOptions, runCheck, runChecklist } from './execute.js';
export { runSequenceCheck, runSequenceChecks, sequenceChecksFor } from './sequences/index.js';
export type {
  ConformanceTarget,
  NotRunPlannedCheck,
  PlannedCheck,
  ScenarioCheck,
  SequenceCheck,
  SequenceName,
  StatusCheck,
} from './types.js';
export { unknownFields } from './unknown-fields.js';
