/**
 * The files of the throwaway project that installs the packed tarball. They are strings rather than
 * files in the repository because the repository's own `tsc --noEmit` would otherwise type-check the
 * consumer's `import 'error-contracts'` against this checkout (a package may import itself by name),
 * which only resolves after a build.
 */

export const packageJson = `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`;

/**
 * An ESM consumer that uses the entry point, a vendor subpath and an exported JSON schema, and prints
 * what it saw as one JSON line for the test to check. The schema is found with import.meta.resolve and
 * read from disk: JSON import attributes still print an ExperimentalWarning on Node 20.
 */
export const consumerMjs = `import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { validateError, vendorIds } from 'error-contracts';
import { isCasexchangeErrorEnvelope } from 'error-contracts/casexchange';

const valid = {
  error: { code: 'rate_limited', message: 'Slow down.' },
  meta: { requestId: 'req_f2dbe1d3f6ad4a7bb5b4c9f2', timestamp: '2026-03-31T12:00:00.000Z' },
};
const invalid = { ...valid, meta: { ...valid.meta, timestamp: 'yesterday' } };
const schemaUrl = import.meta.resolve('error-contracts/schemas/foresight/envelope.schema.json');
const schema = JSON.parse(await readFile(fileURLToPath(schemaUrl), 'utf8'));

console.log(
  JSON.stringify({
    vendorIds,
    valid: validateError('casexchange', JSON.stringify(valid)),
    invalid: validateError('casexchange', invalid),
    guard: { valid: isCasexchangeErrorEnvelope(valid), invalid: isCasexchangeErrorEnvelope(invalid) },
    schemaPath: fileURLToPath(schemaUrl),
    schemaId: schema.$id,
  }),
);
`;

/**
 * A TypeScript consumer that compiles only if the published declarations narrow. Each
 * @ts-expect-error line is an assertion too: tsc fails on a directive that suppresses nothing, which
 * is what would happen if a type had degraded to \`any\`.
 */
export const consumerTs = `import { getVendor, validateError, type VendorId, vendorIds } from 'error-contracts';
import { type CasexchangeErrorCode, isCasexchangeErrorEnvelope } from 'error-contracts/casexchange';
import { isClaimrevTokenError } from 'error-contracts/claimrev';

export function describeError(body: string): string {
  const result = validateError('casexchange', body);
  if (result.valid) return \`\${result.envelope.error.code} \${result.envelope.meta?.requestId ?? 'no request id'}\`;
  // @ts-expect-error: a failed result has no envelope
  void result.envelope;
  return result.errors.map((issue) => \`\${issue.path}: \${issue.message}\`).join('\\n');
}

export function timestampOf(body: unknown): string | undefined {
  return isCasexchangeErrorEnvelope(body) ? body.meta?.timestamp : undefined;
}

export function tokenErrorOf(body: unknown): string | undefined {
  return isClaimrevTokenError(body) ? body.error : undefined;
}

export const ids: readonly VendorId[] = vendorIds;
export const firstCode: CasexchangeErrorCode | undefined = getVendor('casexchange').catalog[0]?.code;

// @ts-expect-error: not a CaseXchange code
export const notACode: CasexchangeErrorCode = 'no_such_code';

// @ts-expect-error: not a vendor id
validateError('acme', '{}');
`;

/**
 * Strict settings a careful consumer might use, and \`types: []\` so that the declarations must stand
 * on their own without @types/node. skipLibCheck is off so the shipped .d.ts files are checked too.
 */
export const tsconfigJson = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      types: [],
      skipLibCheck: false,
      noEmit: true,
    },
    files: ['consumer.ts'],
  },
  null,
  2,
)}\n`;
