/**
 * error-contracts/client-check: judges an application's own HTTP client against a vendor's
 * documented error rules, on the simulator mounted in nock under virtual time. A subpath of its
 * own, so that importing the main entry point never loads nock.
 */

export { seededRandom } from '../retry/seeded-random.js';
export { checkClient, DEFAULT_START_TIME, InvalidClientError } from './check-client.js';
export {
  type RenderClientCheckOptions,
  renderClientCheck,
  renderClientCheckRun,
  renderClientCheckTable,
} from './render.js';
export type {
  CheckClientOptions,
  ClientCall,
  ClientCheckResult,
  ClientContext,
  ClientFactory,
  ClientReply,
  ClientUnderTest,
  RuleOutcome,
  RuleVerdict,
} from './types.js';
export { VirtualTime, VirtualTimeLimitError } from './virtual-time.js';
