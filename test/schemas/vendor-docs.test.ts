import { describe, expect, it } from 'vitest';
import { loadVendors } from '../../scripts/codegen/load-vendors.js';
import { isVendorId, validateError } from '../../src/index.js';
import { schemasDir } from '../helpers/paths.js';
import {
  countLeadingCodeWords,
  extractErrorExamples,
  mentionsErrorMember,
  parseDocumentedCodes,
  parseStatusRows,
  readVendorDoc,
  schemaPropertyNames,
  vendorDocsDeclaredAbsent,
} from '../helpers/vendor-docs.js';

// These tests read the vendors' pages themselves, so that a catalog or schema that drifts from
// what a vendor publishes fails here, whoever wrote it. A missing docs folder fails every test.
const vendors = loadVendors(schemasDir);

/** Envelope field names, which docs describe in the same shapes as codes and must not count as codes. */
function fieldNames(vendor: (typeof vendors)[number]): Set<string> {
  return schemaPropertyNames(Object.values(vendor.schemas));
}

describe.skipIf(vendorDocsDeclaredAbsent()).each(vendors.map((v) => [v.id, v] as const))(
  '%s vendor doc',
  (id, vendor) => {
    it('has every JSON error example it shows found, parsed and accepted by the envelope schema', () => {
      const text = readVendorDoc(vendor.docsFile);
      const examples = extractErrorExamples(text);
      // Decided from the raw text, so an extractor that finds nothing cannot pass by finding nothing.
      expect(examples.length > 0, 'examples found').toBe(mentionsErrorMember(text));
      if (!isVendorId(id)) throw new Error(`schemas/${id} has no generated module; run npm run generate`);
      for (const example of examples) {
        expect(example.parseError, `example at line ${example.line}`).toBeUndefined();
        const result = validateError(id, example.value);
        expect(result.valid ? [] : result.errors, `example at line ${example.line}`).toEqual([]);
      }
    });

    it('lists at least as many codes as the snake_case words that start its lines', () => {
      const text = readVendorDoc(vendor.docsFile);
      const ignore = fieldNames(vendor);
      const parsed = new Set(parseDocumentedCodes(text, ignore).map((found) => found.code));
      const floor = countLeadingCodeWords(text, ignore);
      expect(floor).toBeGreaterThan(0);
      expect(parsed.size).toBeGreaterThanOrEqual(floor);
    });

    it('has every code it lists in the catalog, with the status it gives', () => {
      const documented = parseDocumentedCodes(readVendorDoc(vendor.docsFile), fieldNames(vendor));
      const problems: string[] = [];
      for (const found of documented) {
        const entry = vendor.catalog.find((candidate) => candidate.code === found.code);
        const source = entry?.source as { code: string; status: string } | undefined;
        if (!entry || !source) problems.push(`line ${found.line}: ${found.code} is not in the catalog`);
        else if (source.code !== 'documented')
          problems.push(`${found.code}: source.code should be documented`);
        else if (found.status !== undefined && entry.status !== found.status) {
          problems.push(`${found.code}: the docs give ${found.status}, the catalog ${entry.status}`);
        } else if (found.status !== undefined && source.status !== 'documented') {
          problems.push(`${found.code}: the docs give its status, so source.status should be documented`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('marks as inferred, with reasoning, every status the docs do not give', () => {
      const documented = parseDocumentedCodes(readVendorDoc(vendor.docsFile), fieldNames(vendor));
      const withStatus = new Set(documented.filter((d) => d.status !== undefined).map((d) => d.code));
      const withoutStatus = new Set(documented.filter((d) => !withStatus.has(d.code)).map((d) => d.code));
      const problems = vendor.catalog
        .filter((entry) => withoutStatus.has(entry.code))
        .filter((entry) => {
          const source = entry.source as { status: string; reasoning?: string };
          return source.status !== 'inferred' || !source.reasoning;
        })
        .map((entry) => entry.code);
      expect(problems).toEqual([]);
    });

    it('has its catalog mark as inferred every code the docs do not list', () => {
      const listed = new Set(
        parseDocumentedCodes(readVendorDoc(vendor.docsFile), fieldNames(vendor)).map((d) => d.code),
      );
      const unlisted = vendor.catalog
        .filter((entry) => !listed.has(entry.code))
        .filter((entry) => (entry.source as { code: string }).code !== 'inferred')
        .map((entry) => entry.code);
      expect(unlisted).toEqual([]);
    });

    it('has every error status in its status table marked documented in the policy', () => {
      const text = readVendorDoc(vendor.docsFile);
      const fromCodes = parseDocumentedCodes(text, fieldNames(vendor)).flatMap((d) =>
        d.status === undefined ? [] : [d.status],
      );
      const listed = new Set([...parseStatusRows(text), ...fromCodes]);
      const rules = vendor.policy.statuses as Array<{ status: number; source: string }>;
      const problems = [...listed]
        .filter((status) => rules.find((rule) => rule.status === status)?.source !== 'documented')
        .map(String);
      expect(listed.size).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  },
);
