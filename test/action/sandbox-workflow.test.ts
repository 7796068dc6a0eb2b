import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxConfigSecret } from '../../src/runner/config/env-names.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { parseCommand } from '../helpers/github-commands.js';
import { repoRoot } from '../helpers/paths.js';
import { bash, readOutputs } from './run-action.js';

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; strategy?: { matrix?: Record<string, string> } }>;
}

/** A workflow expression as written in YAML: `${{ inner }}`. */
const expression = (inner: string) => `\${{ ${inner} }}`;

const workflowFile = join(repoRoot, '.github', 'workflows', 'sandbox.yml');
let text: string;
let workflow: Workflow;
let scratch: string;
beforeAll(async () => {
  text = await readFile(workflowFile, 'utf8');
  workflow = load(text) as Workflow;
  scratch = await mkdtemp(join(tmpdir(), 'ec-sandbox-workflow-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const step = (job: string, id: string) => {
  const found = workflow.jobs[job]?.steps.find((candidate) => candidate.id === id);
  if (!found?.run) throw new Error(`sandbox.yml has no run step ${job}.${id}`);
  return found as Step & { run: string };
};

/** Runs one step's script with GITHUB_OUTPUT as a temporary file; returns what it printed and set. */
async function runStep(script: string, env: Record<string, string>) {
  const output = join(scratch, `output-${Math.random().toString(36).slice(2)}`);
  await writeFile(output, '');
  const run = await bash(script, repoRoot, {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: scratch,
    ...env,
  });
  return { ...run, outputs: readOutputs(await readFile(output, 'utf8')) };
}

describe('the sandbox workflow', () => {
  it('hands no job every secret, and reads secrets in one place only', () => {
    expect(text).not.toMatch(/toJSON\(\s*secrets\s*\)/);
    const uses = [...text.matchAll(/\$\{\{[^}]*\bsecrets\b[^}]*\}\}/g)].map((match) => match[0]);
    expect(uses).toEqual([expression('secrets[matrix.vendor.secret]')]);
    expect(step('sandbox', 'config').env?.VENDOR_CONFIG).toBe(expression('secrets[matrix.vendor.secret]'));
  });

  it('gives each vendor a job and the name of its own secret, from schemas/', async () => {
    const all = await runStep(step('vendors', 'list').run, { WANTED: 'all' });
    expect(all.code).toBe(0);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((JSON.parse(all.outputs.matrix ?? '') as Array<{ id: string }>).sort(byId)).toEqual(
      vendorIds.map((id) => ({ id, secret: sandboxConfigSecret(id) })).sort(byId),
    );
    const one = await runStep(step('vendors', 'list').run, { WANTED: 'collate' });
    expect(JSON.parse(one.outputs.matrix ?? '')).toEqual([
      { id: 'collate', secret: sandboxConfigSecret('collate') },
    ]);
  });

  it('writes the vendor secret to a private file and masks each credential and fact in it', async () => {
    const config = {
      vendors: {
        collate: {
          baseUrl: 'https://sandbox.collate.example',
          sandbox: true,
          credentials: {
            valid: { value: 'SENTINEL-collate-valid' },
            readOnly: { value: 'SENTINEL-collate-ro' },
          },
          facts: { signInPassword: 'SENTINEL-collate-password' },
        },
      },
    };
    const run = await runStep(step('sandbox', 'config').run, {
      VENDOR: 'collate',
      VENDOR_CONFIG: JSON.stringify(config),
      SECRET_NAME: sandboxConfigSecret('collate'),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.configured).toBe('true');
    const file = run.outputs.file ?? '';
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(config);
    expect((await stat(file)).mode & 0o077).toBe(0);
    const masked = run.stdout
      .trim()
      .split('\n')
      .map(parseCommand)
      .filter((command) => command.name === 'add-mask')
      .map((command) => command.message);
    expect(masked.sort()).toEqual([
      'SENTINEL-collate-password',
      'SENTINEL-collate-ro',
      'SENTINEL-collate-valid',
    ]);
  });

  it('stops when the secret configures another vendor, and skips a vendor without one', async () => {
    const wrong = await runStep(step('sandbox', 'config').run, {
      VENDOR: 'collate',
      VENDOR_CONFIG: JSON.stringify({ vendors: { collate: {}, foresight: {} } }),
      SECRET_NAME: sandboxConfigSecret('collate'),
    });
    expect(wrong.code).toBe(1);
    expect(parseCommand(wrong.stdout.trim()).message).toContain('must configure collate alone');
    const unset = await runStep(step('sandbox', 'config').run, { VENDOR: 'collate', VENDOR_CONFIG: '' });
    expect(unset.code).toBe(0);
    expect(unset.outputs.configured).toBe('false');
  });

  it('runs the checklist through this repository action with the written configuration', () => {
    const run = workflow.jobs.sandbox?.steps.find((candidate) => candidate.id === 'run');
    expect(run?.uses).toBe('./');
    expect(run?.with).toMatchObject({ target: 'sandbox', config: expression('steps.config.outputs.file') });
  });
});
