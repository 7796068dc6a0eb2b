/**
 * Members that commonly hold protected health information in these APIs. Callers replace or extend
 * the list through the client's `phiFields` option; matching ignores case, `_` and `-`.
 */
export const DEFAULT_PHI_FIELDS: readonly string[] = [
  'ssn',
  'dateOfBirth',
  'dob',
  'birthDate',
  'patientName',
  'firstName',
  'lastName',
  'memberId',
  'subscriberId',
  'mrn',
  'address',
  'phone',
  'email',
];
