import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/**
 * Every workflow and the action, checked against the schemas GitHub Actions files follow
 * (@action-validator/core: WebAssembly, offline). A misspelt key, a wrong type or a missing
 * required member fails here rather than on GitHub after a push.
 */
const workflowDir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));

describe('GitHub Actions files', () => {
  it('include the workflows this repository runs', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'release.yml', 'sandbox.yml']));
  });

  it.each(workflows)('.github/workflows/%s is a valid workflow', (name) => {
    expect(validateWorkflow(readFileSync(join(workflowDir, name), 'utf8')).errors).toEqual([]);
  });

  it('action.yml is a valid action', () => {
    expect(validateAction(readFileSync(join(repoRoot, 'action.yml'), 'utf8')).errors).toEqual([]);
  });

  it.each([
    [
      'a workflow with a misspelt key',
      () => validateWorkflow('on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps: [{ run: x }]\n'),
    ],
    [
      'a workflow job without runs-on',
      () => validateWorkflow('on: push\njobs:\n  a:\n    steps: [{ run: x }]\n'),
    ],
    [
      'an action that runs with nothing',
      () => validateAction('name: x\ndescription: y\nruns:\n  using: composit\n'),
    ],
  ])('the validator rejects %s, so a pass above means something', (_label, validate) => {
    expect(validate().errors.length).toBeGreaterThan(0);
  });
});
