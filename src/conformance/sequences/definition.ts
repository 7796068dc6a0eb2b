import type { CatalogEntry, VendorPolicy } from '../../generated/meta-types.js';
import type { ChecklistPathId } from '../../report/paths.js';
import type { BehaviourPart } from '../../scenarios/index.js';
import type { ResolvedRequest, VendorBehaviour } from '../../scenarios/types.js';
import type { VendorId } from '../../vendors/registry.js';
import type { ConformanceTarget, SequenceName } from '../types.js';
import type { SequenceRecorder } from './recorder.js';

/** What a sequence may read about the vendor: its documented rules and its behaviour data. */
export interface VendorFacts {
  vendorId: VendorId;
  policy: VendorPolicy;
  catalog: readonly CatalogEntry[];
  /** The behaviour data resolved for the target; undefined while only planning. */
  behaviour: VendorBehaviour<ResolvedRequest> | undefined;
}

/**
 * One behavioural sequence. Whether it applies is decided from the vendor's documentation alone
 * (an undocumented path is not applicable, with the reason); whether it can run is decided from
 * the data and the target (a sandbox cannot inject faults), and a sequence that cannot is skipped
 * with the reason. Neither is ever a pass.
 */
export interface SequenceDefinition {
  name: SequenceName;
  path: ChecklistPathId;
  /** What the sequence shows, as a sentence. */
  title: string;
  /** Why the vendor's documentation gives this sequence nothing to check; undefined when it applies. */
  notApplicable(facts: VendorFacts): string | undefined;
  /** Why it cannot run here (missing data, a target without the simulator); undefined when it can. */
  cannotRun?(facts: VendorFacts, target: ConformanceTarget): string | undefined;
  /** Which of the behaviour data's requests the sequence sends, and so which facts it needs. */
  uses: readonly BehaviourPart[];
  /** Plays the sequence; every request, wait and broken promise goes through the recorder. */
  run(facts: VendorFacts, recorder: SequenceRecorder): Promise<void>;
}
