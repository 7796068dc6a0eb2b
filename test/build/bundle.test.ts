import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPoints, sourceOf } from '../../scripts/bundle.js';
import { vendorIds } from '../../src/index.js';
import { repoRoot } from '../helpers/paths.js';

describe('the bundle step', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

  it('bundles every JavaScript target of the exports map and the bin, from its source file', () => {
    const entries = entryPoints(pkg);
    expect(entries).toContain('src/index.ts');
    expect(entries).toContain('src/cli/main.ts');
    expect(entries).toContain('src/simulator/index.ts');
    for (const id of vendorIds) {
      expect(entries).toContain(`src/generated/${id}/index.ts`);
    }
    // The JSON files under ./schemas/* are shipped as they are, not bundled.
    expect(entries.every((entry) => entry.endsWith('.ts'))).toBe(true);
  });

  it('refuses a target outside dist/', () => {
    expect(() => sourceOf('./schemas/collate/catalog.json')).toThrow(/not a JavaScript file under dist/);
  });
});
