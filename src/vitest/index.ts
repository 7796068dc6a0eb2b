/**
 * error-contracts/vitest: matchers for users' own integration tests. Importing this entry (in a
 * setup file, say) adds them to Vitest's `expect`; `errorContractMatchers` is exported as well for
 * an explicit `expect.extend`. Only this entry imports vitest, an optional peer dependency: the
 * package's main entry never does.
 */
import { expect } from 'vitest';
import { type ErrorContractMatchers, errorContractMatchers } from './matchers.js';

expect.extend(errorContractMatchers);

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: the parameter's name and default must match Vitest's own declaration.
  interface Matchers<T = any> extends ErrorContractMatchers<T> {}
}

export type { ErrorResponseLike } from './documented-error.js';
export type { ErrorContractMatchers } from './matchers.js';
export type { RecordedAttempt, RetryPolicyMethod, RetryPolicyOptions } from './retry-policy.js';
export { errorContractMatchers };
