import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeededBug } from './kit/bugs.js';
import { loadDialectBVendors } from './vendors.js';

/** Every seeded bug of every vendor folder of this dialect. */
const BUGS: readonly SeededBug[] = (await loadDialectBVendors()).flatMap((vendor) => vendor.bugs);

/** The vendor docs sit next to the checkout in the shared folder, when there is one. */
const DOCS = new URL('../../../../shared/vendor-docs/', import.meta.url);

const read = (url: URL): string => readFileSync(url, 'utf8');

describe('dialect B seeded bugs', () => {
  it('have unique ids named after their vendor', () => {
    expect(new Set(BUGS.map((bug) => bug.id)).size).toBe(BUGS.length);
    for (const bug of BUGS) expect(bug.id.startsWith(`${bug.vendor}.`), bug.id).toBe(true);
  });

  it("are each listed in their vendor's reference", () => {
    for (const bug of BUGS) {
      expect(read(new URL(`./${bug.vendor}/README.md`, import.meta.url)), bug.id).toContain(`\`${bug.id}\``);
    }
  });

  it.skipIf(!existsSync(DOCS))('quote a line of their vendor doc verbatim', () => {
    for (const bug of BUGS) {
      expect(read(new URL(`${bug.vendor}.txt`, DOCS)), bug.id).toContain(bug.rule);
    }
  });
});
