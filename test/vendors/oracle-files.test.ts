import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vendorIds } from '../../src/index.js';
import { ORACLE_FILES, ORACLES_DIR, oracleFolders } from '../helpers/vendor-oracles.js';

describe('hand-written oracles in test/vendors/', () => {
  it('sit only in folders named by a registry vendor', () => {
    const known = new Set<string>(vendorIds);
    expect(oracleFolders().filter((folder) => !known.has(folder))).toEqual([]);
  });

  it('are only files some test loads', () => {
    const loaded = new Set<string>(ORACLE_FILES);
    const unknown = oracleFolders().flatMap((folder) =>
      readdirSync(join(ORACLES_DIR, folder))
        .filter((file) => !loaded.has(file))
        .map((file) => `${folder}/${file}`),
    );
    expect(unknown).toEqual([]);
  });
});
