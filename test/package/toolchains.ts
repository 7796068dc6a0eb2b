import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { satisfiesNodeRange } from '../../src/runner/vitest/node-range.js';
import { installConsumer, run } from './exec.js';

/**
 * The peer-dependency majors the package supports, as a user installs them: each toolchain is one
 * major of vitest, nock and Pact, with the Node versions every one of them declares support for.
 * The test below installs the packed tarball with each toolchain this Node can run, without
 * --legacy-peer-deps, and runs a vendor through each peer. The others are skipped here, visibly, and
 * run in .github/workflows/compat.yml on Node 22 and 24.
 */
export interface Toolchain {
  name: string;
  /** What `npm install` is given besides the tarball. */
  packages: string[];
  /** The Node versions all of them support (the narrowest of their `engines.node`). */
  node: string;
}

export const TOOLCHAINS: readonly Toolchain[] = [
  {
    name: 'vitest 4, nock 14, Pact 16',
    packages: ['vitest@4', 'nock@14', '@pact-foundation/pact@16'],
    // vitest 4: ^20.0.0 || ^22.0.0 || >=24.0.0; nock 14 and Pact 16 run on all of those.
    node: '^20.19.0 || ^22.0.0 || >=24.0.0',
  },
  {
    name: 'vitest 5, nock 15, Pact 17',
    packages: ['vitest@5', 'nock@15', '@pact-foundation/pact@17'],
    // vitest 5: ^22.12.0 || ^24.0.0 || >=26.0.0; nock 15: >=22.20.0; Pact 17: >=22.
    node: '^22.20.0 || ^24.0.0 || >=26.0.0',
  },
];

/** The major version of an installed package, read from its manifest in the consumer. */
function installedMajor(consumerDir: string, name: string): number {
  const manifest = JSON.parse(
    readFileSync(join(consumerDir, 'node_modules', name, 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return Number(manifest.version.split('.')[0]);
}

/**
 * Registers one test per toolchain. `tarball` is read when the tests run, after the packed test's
 * beforeAll has packed the repository; `workDir` is where each consumer project goes.
 */
export function describeToolchains(packed: () => { tarball: string; workDir: string }): void {
  describe('the packed package with each supported major of its peers', () => {
    for (const toolchain of TOOLCHAINS) {
      const runnable = satisfiesNodeRange(process.versions.node, toolchain.node);
      const title = runnable
        ? `installs with ${toolchain.name} and no --legacy-peer-deps, and runs Collate through vitest, nock and Pact`
        : `installs with ${toolchain.name} (needs Node ${toolchain.node}: the compat workflow runs it)`;
      it.skipIf(!runnable)(
        title,
        async () => {
          const { tarball, workDir } = packed();
          const consumerDir = join(
            workDir,
            `toolchain-${toolchain.packages.map((p) => p.replace(/\W+/g, '-')).join('')}`,
          );
          // No --legacy-peer-deps: a peer range that leaves the major out fails here with ERESOLVE.
          await installConsumer(consumerDir, tarball, toolchain.packages);
          for (const spec of toolchain.packages) {
            const [name, major] = [
              spec.slice(0, spec.lastIndexOf('@')),
              Number(spec.slice(spec.lastIndexOf('@') + 1)),
            ];
            expect(installedMajor(consumerDir, name), name).toBe(major);
          }
          const bin = join(consumerDir, 'node_modules', '.bin', 'error-contracts');
          // vitest drives the checks; the nock target mounts the simulator through nock.
          const checks = await run(
            bin,
            ['run', '--vendor', 'collate', '--target', 'nock', '--quiet'],
            consumerDir,
          );
          expect(checks.stderr).toBe('');
          expect(checks.stdout).toMatch(/Checks: [1-9]\d* pass/);
          expect(checks.code).toBe(0);
          // Pact writes Collate's contract and verifies it against the simulator.
          const pact = await run(
            bin,
            ['pact', '--verify', '--vendor', 'collate', '--out', 'contracts'],
            consumerDir,
          );
          expect(pact.stdout + pact.stderr).toMatch(/collate\s+\d+\s+\d+\s+pass/);
          expect(pact.code).toBe(0);
        },
        300_000,
      );
    }
  });
}
