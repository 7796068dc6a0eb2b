import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { satisfiesNodeRange } from '../../src/runner/vitest/node-range.js';
import { repoRoot } from '../helpers/paths.js';
import { TOOLCHAINS } from '../package/toolchains.js';

interface Workflow {
  jobs: Record<string, { strategy?: { matrix?: { node?: number[] } }; steps: Array<{ run?: string }> }>;
}

const workflow = load(readFileSync(join(repoRoot, '.github', 'workflows', 'compat.yml'), 'utf8')) as Workflow;
const job = workflow.jobs.toolchains;
const toolchainsSource = readFileSync(join(repoRoot, 'test', 'package', 'toolchains.ts'), 'utf8');

describe('the peer compatibility workflow (compat.yml)', () => {
  it('runs on the maintained Node LTS lines, 22 and 24', () => {
    expect(job?.strategy?.matrix?.node).toEqual([22, 24]);
  });

  it('runs the toolchain tests by a name filter that matches their describe block', () => {
    const step = job?.steps.find((candidate) => candidate.run?.includes('test/package/packed.test.ts'));
    const filter = /-t "([^"]+)"/.exec(step?.run ?? '')?.[1];
    expect(filter).toBeDefined();
    expect(toolchainsSource).toContain(`describe('the packed package with ${filter}'`);
  });

  it('reaches every toolchain on at least one of its Node versions (a runner has the newest of each line)', () => {
    const nodes = (job?.strategy?.matrix?.node ?? []).map((major) => `${major}.99.0`);
    for (const toolchain of TOOLCHAINS) {
      expect(
        nodes.some((node) => satisfiesNodeRange(node, toolchain.node)),
        toolchain.name,
      ).toBe(true);
    }
  });
});
