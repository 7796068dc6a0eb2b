/**
 * A run's open target and the one way a check is run against it. The vitest suite (a test per
 * check) and the run command's in-process loop both go through here, so a check records the same
 * result whichever of them drives it.
 */
import { checklistFor } from '../conformance/checklist.js';
import { runCheck } from '../conformance/execute.js';
import type { PlannedCheck } from '../conformance/types.js';
import type { CheckResult } from '../report/result.js';
import type { VendorId } from '../vendors/registry.js';
import { type CassetteRecorder, recordCassettes } from './cassettes/record.js';
import type { RunOptions } from './run-options.js';
import { announcingWaits } from './targets/announcing-waits.js';
import { openTarget } from './targets/open-target.js';
import type { OpenTarget, SimulatorTargetOptions } from './targets/simulator-targets.js';

/** One check's result with the vendor and base URL it ran against, as the report takes it. */
export interface CheckMeta {
  vendorId: VendorId;
  baseUrl: string;
  result: CheckResult;
}

export interface CheckSession {
  /** Runs one check; `announce` is told of each real wait of a second or more (sandbox only). */
  run(
    vendorId: VendorId,
    check: PlannedCheck,
    announce?: (text: string) => Promise<unknown>,
  ): Promise<CheckMeta>;
  /** Writes the cassettes a recording run kept, then closes the target. */
  close(): Promise<void>;
}

/** The checks of a vendor's checklist a run asks for (`only`), in checklist order. */
export function checksToRun(options: RunOptions, vendorId: VendorId): PlannedCheck[] {
  return checklistFor(vendorId).filter((check) => !options.only || options.only.includes(check.id));
}

export async function openCheckSession(
  options: RunOptions,
  simulator?: SimulatorTargetOptions,
): Promise<CheckSession> {
  let open: OpenTarget = await openTarget(options, simulator);
  let recorder: CassetteRecorder | undefined;
  if (options.record) {
    try {
      recorder = recordCassettes(open.target, options.vendors);
    } catch (error) {
      await open.close();
      throw error;
    }
    open = { ...open, target: recorder.target };
  }
  const { target, baseUrls } = open;
  return {
    async run(vendorId, check, announce) {
      // Only a sandbox waits in real time; elsewhere a wait is over before it could be shown.
      const checkTarget =
        options.target === 'sandbox' && announce ? announcingWaits(target, announce) : target;
      const clock = { now: () => checkTarget.now(), sleep: (ms: number) => checkTarget.wait(ms) };
      const result = await runCheck(vendorId, checkTarget, check, clock);
      return { vendorId, baseUrl: baseUrls.get(vendorId) ?? '', result };
    },
    async close() {
      try {
        if (recorder && options.record) await recorder.write(options.record);
      } finally {
        await open.close();
      }
    },
  };
}
