import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPeers, PEERS_DIR, peerFolders } from '../../scripts/bench/peers/load.js';
import { loadSubjects } from '../../scripts/bench/subjects.js';
import { runValidatorsBench } from '../../scripts/bench/suites/validators.js';
import { vendorIds } from '../../src/index.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function emptyPeersDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  scratch.push(dir);
  return dir;
}

describe('bench peers', () => {
  it('are folders named after vendors of the registry', () => {
    const folders = peerFolders();
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(vendorIds as readonly string[]).toContain(folder);
  });

  it('give a bench subject for every folder', async () => {
    const { subjects, withoutPeers } = await loadSubjects();
    expect(subjects.map((subject) => subject.vendor).sort()).toEqual(peerFolders(PEERS_DIR));
    expect([...subjects.map((subject) => subject.vendor), ...withoutPeers].sort()).toEqual(
      [...vendorIds].sort(),
    );
  });

  it('leave a registry vendor without a folder to be named, not measured', async () => {
    const found = await loadPeers(vendorIds, emptyPeersDir());
    expect(found.byVendor.size).toBe(0);
    expect(found.missing).toEqual([...vendorIds]);
  });

  it('refuse a folder that names no vendor of the registry', async () => {
    const dir = emptyPeersDir();
    mkdirSync(join(dir, 'acme'));
    await expect(loadPeers(vendorIds, dir)).rejects.toThrow(/acme .*name no vendor of the registry/);
  });
});

describe('the validator bench', () => {
  it('prints a row for each vendor without peers instead of failing or leaving it out', async () => {
    const result = await runValidatorsBench(emptyPeersDir());
    const rows = result.tables.flatMap((table) => table.rows.map((row) => row.join(' ')));
    for (const vendor of vendorIds)
      expect(
        rows.filter((row) => row.includes('no peer written') && row.includes(`peers/${vendor}/`)),
      ).toHaveLength(1);
    expect(result.goals).toEqual([]);
  });
});
