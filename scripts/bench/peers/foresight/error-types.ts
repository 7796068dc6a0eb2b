import { getVendor } from '../../../../src/index.js';

/**
 * Foresight's coarse error types, read from its envelope schema so that the hand-written peers
 * (hand guard, zod, TypeBox) all check the one documented list.
 */
export const foresightErrorTypes: readonly [string, ...string[]] = (() => {
  const envelope = getVendor('foresight').schemas.envelope as {
    properties?: { error?: { properties?: { type?: { enum?: unknown } } } };
  };
  const types = envelope.properties?.error?.properties?.type?.enum;
  if (!Array.isArray(types) || types.length === 0 || !types.every((type) => typeof type === 'string'))
    throw new Error('the Foresight envelope schema lists no error types');
  return types as [string, ...string[]];
})();
