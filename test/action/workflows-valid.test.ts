import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { load } from 'js-yaml';
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
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'compat.yml', 'release.yml', 'sandbox.yml']));
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

  it('the README section "Use in GitHub Actions" shows complete, valid workflows that use the action', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Use in GitHub Actions'),
      readme.indexOf('## Using the package'),
    );
    const examples = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(examples).toHaveLength(2);
    const action = load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    for (const example of examples) {
      expect(validateWorkflow(example).errors).toEqual([]);
      const workflow = load(example) as {
        jobs: Record<string, { steps: Array<{ uses?: string; with?: object }> }>;
      };
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      const uses = steps.filter((step) => step.uses?.startsWith('OWNER/error-contracts@'));
      expect(uses).toHaveLength(1);
      // Every input the example gives is one the action declares.
      for (const name of Object.keys(uses[0]?.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
    }
  });
});
