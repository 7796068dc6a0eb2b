import { credentialHeader } from '../kit/client.js';
import type { ExamplePlay } from '../kit/examples.js';

/** The full-tier key; referrals are played on the records in the state each action needs. */
export const examples: ExamplePlay = {
  authenticate: async (directory) => credentialHeader(directory, 'fullKey'),
  params: {
    getReferral: { referralId: 'pendingReferralId' },
    updateReferral: { referralId: 'pendingReferralId' },
    reReferral: { referralId: 'declinedReferralId' },
  },
};
