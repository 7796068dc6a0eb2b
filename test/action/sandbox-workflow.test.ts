import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CONFIG_SECRET, sandboxEnvironment } from '../../src/runner/config/env-names.js';
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
  jobs: Record<
    string,
    { steps: Step[]; environment?: string; strategy?: { matrix?: Record<string, string> } }
  >;
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

/** The values a step's output asked GitHub to mask. */
const maskedValues = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map(parseCommand)
    .filter((command) => command.name === 'add-mask')
    .map((command) => command.message);

describe('the sandbox workflow', () => {
  it('hands no job every secret: the secrets context is never indexed with an expression', () => {
    expect(text).not.toMatch(/toJSON\(\s*secrets\s*\)/);
    expect(text).not.toMatch(/\bsecrets\s*\[/);
    const uses = [...text.matchAll(/\$\{\{[^}]*\bsecrets\b[^}]*\}\}/g)].map((match) => match[0]);
    expect(uses).toEqual([expression(`secrets.${SANDBOX_CONFIG_SECRET}`)]);
    expect(step('sandbox', 'config').env?.VENDOR_CONFIG).toBe(expression(`secrets.${SANDBOX_CONFIG_SECRET}`));
  });

  it('runs each vendor in its own GitHub environment, where its secret is kept', () => {
    expect(workflow.jobs.sandbox?.environment).toBe(expression('matrix.vendor.environment'));
  });

  it('gives each vendor a job and the name of its own environment, from schemas/', async () => {
    const all = await runStep(step('vendors', 'list').run, { WANTED: 'all' });
    expect(all.code).toBe(0);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((JSON.parse(all.outputs.matrix ?? '') as Array<{ id: string }>).sort(byId)).toEqual(
      vendorIds.map((id) => ({ id, environment: sandboxEnvironment(id) })).sort(byId),
    );
    const one = await runStep(step('vendors', 'list').run, { WANTED: 'collate' });
    expect(JSON.parse(one.outputs.matrix ?? '')).toEqual([
      { id: 'collate', environment: sandboxEnvironment('collate') },
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
          checks: {
            'collate.403.forbidden': { request: { headers: { 'x-other-key': 'SENTINEL-collate-header' } } },
          },
        },
      },
    };
    const run = await runStep(step('sandbox', 'config').run, {
      VENDOR: 'collate',
      VENDOR_CONFIG: JSON.stringify(config),
      ENVIRONMENT: sandboxEnvironment('collate'),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.configured).toBe('true');
    const file = run.outputs.file ?? '';
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(config);
    expect((await stat(file)).mode & 0o077).toBe(0);
    const masked = maskedValues(run.stdout);
    expect(masked.sort()).toEqual([
      'SENTINEL-collate-header',
      'SENTINEL-collate-password',
      'SENTINEL-collate-ro',
      'SENTINEL-collate-valid',
    ]);
  });

  it('masks each line of a multi-line credential, since GitHub masks a log line by line', async () => {
    const config = {
      vendors: {
        collate: {
          baseUrl: 'https://sandbox.collate.example',
          sandbox: true,
          credentials: { valid: { value: 'SENTINEL-line-one\nSENTINEL-line-two\r\n  SENTINEL-line-three' } },
        },
      },
    };
    const run = await runStep(step('sandbox', 'config').run, {
      VENDOR: 'collate',
      VENDOR_CONFIG: JSON.stringify(config),
      ENVIRONMENT: sandboxEnvironment('collate'),
    });
    expect(run.code).toBe(0);
    const masked = maskedValues(run.stdout);
    expect(masked).toEqual(
      expect.arrayContaining(['SENTINEL-line-one', 'SENTINEL-line-two', 'SENTINEL-line-three']),
    );
  });

  it('stops when the secret configures another vendor, and skips a vendor without one', async () => {
    const wrong = await runStep(step('sandbox', 'config').run, {
      VENDOR: 'collate',
      VENDOR_CONFIG: JSON.stringify({ vendors: { collate: {}, foresight: {} } }),
      ENVIRONMENT: sandboxEnvironment('collate'),
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
