/**
 * The EICAR anti-virus test file: a harmless string every scanner reports as infected, which is
 * how a client tests its handling of a rejected upload without handling real malware.
 */
export const EICAR_TEST_STRING = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;

const signature = new TextEncoder().encode(EICAR_TEST_STRING);

/** Whether the bytes contain the EICAR test string anywhere (multipart framing included). */
export function containsTestVirus(bytes: Uint8Array): boolean {
  const first = signature[0];
  outer: for (
    let i = bytes.indexOf(first ?? 0);
    i !== -1 && i <= bytes.length - signature.length;
    i = bytes.indexOf(first ?? 0, i + 1)
  ) {
    for (let j = 1; j < signature.length; j++) if (bytes[i + j] !== signature[j]) continue outer;
    return true;
  }
  return false;
}
