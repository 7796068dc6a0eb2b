import { createClient } from '../../client/create-client.js';
import { VendorApiError } from '../../client/errors.js';
import { isServerError, SERVICE_UNAVAILABLE } from '../../http-status.js';
import { scheduledWindowMs } from '../../retry/schedule.js';
import { seededRandom } from '../../retry/seeded-random.js';
import type { FaultSpec } from '../../scenarios/simulator-controls.js';
import { clientCredentialsFor } from '../../vendors/authentication.js';
import type { ConformanceTarget, SequenceName } from '../types.js';
import type { SequenceDefinition, VendorFacts } from './definition.js';
import { recordingFetch } from './recording-fetch.js';
import { isSuccess, routeOf } from './requests.js';

/** More failures than any policy allows calls: the read fails every time the client tries. */
const PERSISTENT = 100;
/** A fixed seed, so the jitter the client draws (and a failure it leads to) can be replayed. */
const SEED = 5;

/**
 * The server error a read is made to fail with: the vendor's own retryable 5xx code where its
 * catalog documents one for this path (a server-side one first), else a bare retryable status
 * as a gateway in front of the API would send.
 */
export function serverFault({ catalog, policy }: VendorFacts): Pick<FaultSpec, 'code' | 'status'> {
  const documented = catalog.filter(
    (entry) =>
      isServerError(entry.status) &&
      entry.retryable &&
      (entry.surface ?? 'api') === 'api' &&
      (entry.checklist ?? []).includes('server_retry'),
  );
  const entry = documented.find((candidate) => candidate.category === 'server') ?? documented[0];
  if (entry) return { code: entry.code };
  return { status: policy.retry.retryableStatuses.find(isServerError) ?? SERVICE_UNAVAILABLE };
}

/** The reader's credential (the read's role, else the valid one) in the reference client's shape. */
function readerCredentials({ behaviour, policy, vendorId }: VendorFacts, target: ConformanceTarget) {
  const role = behaviour?.read.role;
  const credential =
    target.credentials(vendorId).roles[role === undefined || role === 'none' ? 'valid' : role];
  return clientCredentialsFor(policy.authentication, credential);
}

interface ServerRetryShape {
  name: SequenceName;
  title: string;
  /** How many calls to the read fail before it would succeed. */
  failures: number;
  /** The fewest calls a policy must allow for the sequence to say anything. */
  minAttempts: number;
}

/**
 * The reference client reads while the simulator fails that read `failures` times. Each wait the
 * client takes must lie in the window the vendor's schedule allows for that retry, and the client
 * must stop where the policy says: after its last attempt, or at the first success.
 */
function serverRetry({ name, title, failures, minAttempts }: ServerRetryShape): SequenceDefinition {
  return {
    name,
    uses: ['read'],
    path: 'server_retry',
    title,
    notApplicable: ({ policy }) => {
      if (!policy.retry.retryableStatuses.some(isServerError)) {
        return 'No server error is documented as retryable.';
      }
      return policy.retry.maxAttempts >= minAttempts
        ? undefined
        : `The policy allows ${policy.retry.maxAttempts} calls; this sequence needs ${minAttempts}.`;
    },
    cannotRun: (facts, target) => {
      if (!target.simulator) return 'Needs the simulator’s fault injection.';
      if (!facts.behaviour) return 'The vendor’s simulator module names no read to retry.';
      return readerCredentials(facts, target)
        ? undefined
        : `The test credential does not fit the ${facts.policy.authentication.scheme} scheme.`;
    },
    async run(facts, recorder) {
      const { policy, vendorId } = facts;
      const { target, baseUrl } = recorder;
      const read = facts.behaviour?.read;
      const credentials = readerCredentials(facts, target);
      if (!read || !credentials) return;
      const fault = serverFault(facts);
      if (fault.code) recorder.code = fault.code;
      target.simulator?.injectFault(vendorId, {
        route: routeOf(read.path),
        method: read.method,
        count: failures,
        ...fault,
      });

      let waits = 0;
      const client = createClient(vendorId, {
        baseUrl,
        credentials,
        fetch: recordingFetch(recorder),
        now: () => target.now(),
        random: seededRandom(SEED),
        sleep: async (ms) => {
          waits++;
          const window = scheduledWindowMs(policy.retry, waits);
          recorder.expect(
            ms >= window.min && ms <= window.max,
            `Wait ${waits} lies outside the schedule’s window.`,
            window,
            ms,
          );
          await recorder.wait(ms, `retry ${waits} by the schedule`, window);
        },
      });

      const calls = Math.min(failures + 1, policy.retry.maxAttempts);
      const succeeds = failures < policy.retry.maxAttempts;
      try {
        const answer = await client.request(read.method, read.path);
        recorder.expect(
          succeeds,
          'The client got an answer although every call failed.',
          'an error',
          answer.status,
        );
        recorder.expect(isSuccess(answer.status), 'The read did not succeed.', '2xx', answer.status);
      } catch (error) {
        if (!(error instanceof VendorApiError)) throw error;
        recorder.note(`the client gives up: ${error.decision?.action ?? error.name}`);
        const action = error.decision?.action ?? null;
        if (
          recorder.expect(
            !succeeds,
            'The client gave up although the read would have succeeded.',
            '2xx',
            error.status,
          )
        ) {
          recorder.expect(
            action === policy.retry.afterFinalFailure,
            'The client did not end as the policy says.',
            policy.retry.afterFinalFailure,
            action,
          );
        }
      }
      const made = recorder.callsOf(read.method, `${baseUrl}${read.path}`);
      recorder.expect(
        made === calls,
        'The client made another number of calls than the policy allows.',
        calls,
        made,
      );
      recorder.expect(
        waits === calls - 1,
        'The client did not wait once before each retry.',
        calls - 1,
        waits,
      );
    },
  };
}

export const serverRetryGivesUp = serverRetry({
  name: 'server_retry_gives_up',
  title:
    'The reference client retries a failing read on the vendor’s schedule and gives up after the documented number of calls',
  failures: PERSISTENT,
  minAttempts: 2,
});

export const serverRetryRecovers = serverRetry({
  name: 'server_retry_recovers',
  title: 'The reference client gets a read through on the third call after two server errors',
  failures: 2,
  minAttempts: 3,
});
