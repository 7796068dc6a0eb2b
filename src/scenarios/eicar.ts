/**
 * The EICAR anti-virus test file: a harmless string every scanner reports as infected, which is
 * how a client tests its handling of a rejected upload without handling real malware.
 */
export const EICAR_TEST_STRING = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;
