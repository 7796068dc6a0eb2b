import { join } from 'node:path';
import { ErrorContractsError } from '../../errors.js';
import { InputTooLargeError, readBoundedFile } from '../../fs/bounded-read.js';
import { freshPlaceholderValues } from '../../scenarios/runner.js';
import type { Credential, CredentialRole } from '../../scenarios/types.js';
import { VirtualClock } from '../../time/clock.js';
import { getVendor, type VendorId } from '../../vendors/registry.js';
import { RunConfigError } from '../config/errors.js';
import type { ResolvedVendorConfig } from '../config/sandbox-config.js';
import { createHttpTarget } from '../targets/http-target.js';
import { advancingClock } from '../targets/simulator-side.js';
import type { OpenTarget } from '../targets/simulator-targets.js';
import {
  CASSETTE_FORMAT,
  CASSETTE_VERSION,
  type Cassette,
  cassetteFileName,
  type RecordedExchange,
  type RecordedValues,
} from './cassette.js';

/** A cassette larger than this is refused: one vendor's redacted run is a few hundred KB. */
export const MAX_CASSETTE_BYTES = 64 * 1024 * 1024;

/** The placeholder a replay presents for a role's credential: the recording kept no secret. */
export const REPLAYED_CREDENTIAL = '[REDACTED]';

/**
 * Reads one vendor's cassette and checks its shape, so a truncated or hand-edited file is a clear
 * configuration error naming the file rather than a crash in the middle of a run.
 */
export async function readCassette(dir: string, vendorId: VendorId): Promise<Cassette> {
  const file = join(dir, cassetteFileName(vendorId));
  const again = `record it again with "run --target sandbox --record ${dir}", or fix --cassettes`;
  let text: string;
  try {
    text = new TextDecoder().decode(await readBoundedFile(file, MAX_CASSETTE_BYTES, file));
  } catch (error) {
    if (error instanceof InputTooLargeError) {
      throw new RunConfigError(`${error.message} for a cassette; ${again}.`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RunConfigError(`no cassette for ${vendorId} at ${file}; ${again}.`);
    throw new RunConfigError(`cannot read the cassette ${file} (${code ?? 'error'}); ${again}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RunConfigError(`${file} is not valid JSON (truncated?); ${again}.`);
  }
  const problem = cassetteProblem(parsed, vendorId);
  if (problem) throw new RunConfigError(`${file} is not a usable cassette: ${problem}; ${again}.`);
  return parsed as Cassette;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function cassetteProblem(value: unknown, vendorId: VendorId): string | undefined {
  if (!isObject(value)) return 'it holds no JSON object';
  if (value.format !== CASSETTE_FORMAT) return `its format is not "${CASSETTE_FORMAT}"`;
  if (value.version !== CASSETTE_VERSION) return `it is not version ${CASSETTE_VERSION}`;
  if (value.vendorId !== vendorId) return `it was recorded for ${String(value.vendorId)}, not ${vendorId}`;
  if (typeof value.baseUrl !== 'string') return 'baseUrl is missing';
  if (!isStringArray(value.roles) || !isStringArray(value.facts)) return 'roles or facts are missing';
  const limits = value.limits;
  if (!isObject(limits) || typeof limits.maxBurst !== 'number' || typeof limits.maxWaitMs !== 'number') {
    return 'limits are missing';
  }
  const binding = value.binding;
  if (binding !== undefined) {
    // Optional (older cassettes lack it), but when present its members are used as they are.
    if (!isObject(binding)) return 'binding is not an object';
    if (binding.facts !== undefined && !isStringRecord(binding.facts))
      return 'binding.facts is not an object of strings';
    if (binding.numericFacts !== undefined && !isStringArray(binding.numericFacts))
      return 'binding.numericFacts is not a list of fact names';
    const { operations } = binding;
    if (operations !== undefined) {
      if (!isObject(operations)) return 'binding.operations is not an object';
      for (const [name, operation] of Object.entries(operations)) {
        // An operation is recorded as its members; older cassettes kept a path alone.
        if (typeof operation !== 'string' && !isObject(operation))
          return `binding.operations.${name} is neither a path nor an operation`;
        if (isObject(operation) && operation.path !== undefined && typeof operation.path !== 'string')
          return `binding.operations.${name}.path is not a string`;
      }
    }
  }
  if (!isObject(value.checks)) return 'checks are missing';
  if (value.values !== undefined) {
    if (!isObject(value.values)) return 'values is not an object';
    for (const [id, drawn] of Object.entries(value.values)) {
      if (!isObject(drawn) || !isStringArray(drawn.unique) || !isStringArray(drawn.uuid)) {
        return `values.${id} is not { unique: [...], uuid: [...] } of strings`;
      }
    }
  }
  for (const [id, list] of Object.entries(value.checks)) {
    if (!Array.isArray(list)) return `checks.${id} is not a list`;
    for (const [index, entry] of list.entries()) {
      const at = `checks.${id}[${index}]`;
      if (!isObject(entry) || typeof entry.at !== 'number' || !isObject(entry.request)) {
        return `${at} is an exchange without its time or request`;
      }
      const problem = exchangeProblem(entry, at);
      if (problem) return problem;
    }
  }
  return undefined;
}

const isStringRecord = (value: unknown) =>
  isObject(value) && Object.values(value).every((item) => typeof item === 'string');

/** The first member of one recorded exchange whose type is wrong, named by its path in the file. */
function exchangeProblem(entry: Record<string, unknown>, at: string): string | undefined {
  const request = entry.request as Record<string, unknown>;
  if (typeof request.method !== 'string') return `${at}.request.method is not a string`;
  if (typeof request.url !== 'string') return `${at}.request.url is not a string`;
  if (!isStringRecord(request.headers)) return `${at}.request.headers is not an object of strings`;
  if (request.body !== undefined && typeof request.body !== 'string') {
    return `${at}.request.body is not a string`;
  }
  if (entry.error !== undefined && typeof entry.error !== 'string') return `${at}.error is not a string`;
  const response = entry.response;
  if (response === undefined) return undefined;
  if (!isObject(response)) return `${at}.response is not an object`;
  if (typeof response.status !== 'number') return `${at}.response.status is not a number`;
  if (!isStringRecord(response.headers)) return `${at}.response.headers is not an object of strings`;
  if (typeof response.body !== 'string') return `${at}.response.body is not a string`;
  if (response.bodyBytesSent !== undefined && typeof response.bodyBytesSent !== 'number')
    return `${at}.response.bodyBytesSent is not a number`;
  return undefined;
}

/**
 * The recorded sandbox, offline. Each check is answered from its own recorded exchanges, matched
 * by method and URL in order; the clock is virtual and is moved to each exchange's recorded time
 * as it is answered, so advertised waits and reset times read as they did when recorded, and the
 * waits the checks take cost nothing. A request the recording never saw fails its check, saying so.
 */
export async function openReplayTarget(vendors: readonly VendorId[], dir: string): Promise<OpenTarget> {
  const cassettes = new Map<VendorId, Cassette>();
  for (const id of vendors) cassettes.set(id, await readCassette(dir, id));
  const first = Math.min(
    ...[...cassettes.values()].flatMap((c) =>
      Object.values(c.checks)
        .flat()
        .map((e) => e.at),
    ),
  );
  const clock = new VirtualClock(Number.isFinite(first) ? first : Date.now());
  const configs = new Map<VendorId, ResolvedVendorConfig>(
    [...cassettes].map(([id, cassette]) => {
      const header = getVendor(id).policy.authentication.header;
      const roles = Object.fromEntries(
        cassette.roles.map((role): [CredentialRole, Credential] => [
          role,
          { kind: 'header', header, value: REPLAYED_CREDENTIAL },
        ]),
      );
      // Facts shape the URLs, so a replay rebuilds them from the recorded values; an older cassette
      // kept only their names, enough to plan the same checks.
      const facts =
        cassette.binding?.facts ??
        Object.fromEntries(cassette.facts.map((name) => [name, REPLAYED_CREDENTIAL]));
      // A path alone (an older cassette) is the operation's path.
      const operations = Object.fromEntries(
        Object.entries(cassette.binding?.operations ?? {}).map(([name, operation]) => [
          name,
          typeof operation === 'string' ? { path: operation } : operation,
        ]),
      );
      const numericFacts = cassette.binding?.numericFacts;
      return [
        id,
        {
          vendorId: id,
          baseUrl: cassette.baseUrl,
          declaredSandbox: true,
          credentials: { vendorId: id, roles, facts, operations, ...(numericFacts ? { numericFacts } : {}) },
          checks: {},
        },
      ];
    }),
  );
  const limits = [...cassettes.values()][0]?.limits;
  const inner = createHttpTarget({
    vendors: configs,
    clock: advancingClock(clock),
    ...(limits ? { limits } : {}),
  });
  let current:
    | { vendorId: VendorId; remaining: RecordedExchange[]; checkId: string; values: RecordedValues }
    | undefined;
  // The values the recording drew for this check, in order; past their end (a cassette recorded
  // before values were kept, or a check that now draws more), fresh ones, whose requests then find
  // no recorded answer and say so.
  const replayed = (kind: keyof RecordedValues) =>
    current?.values[kind].shift() ?? freshPlaceholderValues[kind]();
  return {
    target: {
      ...inner,
      values: { unique: () => replayed('unique'), uuid: () => replayed('uuid') },
      beforeCheck: (vendorId, check) => {
        current = {
          vendorId,
          checkId: check.id,
          remaining: [...(cassettes.get(vendorId)?.checks[check.id] ?? [])],
          values: {
            unique: [...(cassettes.get(vendorId)?.values?.[check.id]?.unique ?? [])],
            uuid: [...(cassettes.get(vendorId)?.values?.[check.id]?.uuid ?? [])],
          },
        };
      },
      send: async (url, method) => {
        const index =
          current?.remaining.findIndex(
            (entry) => entry.request.method === method && entry.request.url === url,
          ) ?? -1;
        const entry = index >= 0 ? current?.remaining.splice(index, 1)[0] : undefined;
        if (!entry) {
          throw new ErrorContractsError(
            'ERR_REPLAY_MISMATCH',
            `the recording of ${current?.checkId ?? 'this check'} has no answer for ${method} ${url}; record again`,
          );
        }
        if (entry.at > clock.now()) clock.advance(entry.at - clock.now());
        if (!entry.response)
          throw new ErrorContractsError('ERR_REPLAY_MISMATCH', entry.error ?? 'no answer was recorded');
        return entry.response;
      },
    },
    baseUrls: new Map(vendors.map((id) => [id, cassettes.get(id)?.baseUrl ?? ''])),
    close: async () => {},
  };
}
