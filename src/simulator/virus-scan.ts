import { EICAR_TEST_STRING } from '../scenarios/eicar.js';

export { EICAR_TEST_STRING };

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
