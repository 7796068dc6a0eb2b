import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { hardeningProblems } from '../helpers/workflow-hardening.js';

const workflowDir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));

describe('the supply-chain rules (test/helpers/workflow-hardening.ts)', () => {
  it.each(workflows)('hold for .github/workflows/%s', (name) => {
    expect(hardeningProblems(readFileSync(join(workflowDir, name), 'utf8'))).toEqual([]);
  });

  it('catch each way a workflow can break them', () => {
    const bad = [
      'on: push',
      'permissions:',
      '  contents: write',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020',
      '      - run: npm ci && npm test',
      '      - uses: changesets/action@a45c4d594aa4e2c509dc14a9f2b3b67ba3780d0d # v1.9.0',
      '        env:',
      `          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}`,
      '',
    ].join('\n');
    expect(hardeningProblems(bad).sort()).toEqual(
      [
        'top-level permissions grant more than nothing or contents: read',
        'release: no permissions of its own',
        'release: actions/checkout@v4 is not pinned to a commit SHA',
        'release: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 has no version comment',
        'release: checkout persists its credentials',
        'release: "npm ci" runs install scripts in a job that holds a token',
        'release: publishes without id-token: write',
        'release: publishes without npm provenance',
      ].sort(),
    );
  });

  it('let a job without tokens install with scripts', () => {
    const plain = [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: read',
      '    steps:',
      '      - run: npm ci',
      '',
    ].join('\n');
    expect(hardeningProblems(plain)).toEqual([]);
  });
});
