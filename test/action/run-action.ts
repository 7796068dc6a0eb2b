/**
 * Runs action.yml's composite steps the way the Actions runner would, without GitHub: each step's
 * `${{ }}` expressions are evaluated from the inputs a user gives (defaults for the rest), its
 * `run:` script goes to `bash --noprofile --norc -eo pipefail` (what `shell: bash` means on a
 * runner), and GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are temporary files read back afterwards.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { parseGithubOutputs } from '../helpers/github-commands.js';
import { repoRoot } from '../helpers/paths.js';
import { type ProcessRun, runProcess } from '../helpers/tsx-process.js';

interface ActionStep {
  id?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface ActionDefinition {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export async function readAction(): Promise<ActionDefinition> {
  return load(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as ActionDefinition;
}

export interface ActionRun extends BashRun {
  summary: string;
  /** What each step wrote to GITHUB_OUTPUT, by step id. */
  stepOutputs: Record<string, Record<string, string>>;
  /** The action's own outputs, evaluated from the steps'. */
  outputs: Record<string, string>;
}

/** The few expression forms action.yml uses; anything else is an error, so the test notices it. */
function evaluate(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_match, expression: string) => {
    if (!(expression in context)) throw new Error(`run-action does not know the expression ${expression}`);
    return context[expression] ?? '';
  });
}

export type BashRun = ProcessRun;

/** A step's `run:` script as `shell: bash` runs it on a runner. */
export function bash(script: string, cwd: string, env: Record<string, string>): Promise<BashRun> {
  return runProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env,
    timeoutMs: 90_000,
    label: 'an action step',
  });
}

/** GITHUB_OUTPUT as the runner reads it: multi-line entries and single-line `name=value` ones. */
export function readOutputs(text: string): Record<string, string> {
  const outputs = parseGithubOutputs(text);
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z0-9_-]+)=(.*)$/.exec(line);
    if (match?.[1] && !(match[1] in outputs)) outputs[match[1]] = match[2] ?? '';
  }
  return outputs;
}

export async function runAction(
  given: Record<string, string>,
  options: { workspace: string; env?: Record<string, string>; actionPath?: string },
): Promise<ActionRun> {
  const action = await readAction();
  const scratch = await mkdtemp(join(tmpdir(), 'ec-action-'));
  const summaryFile = join(scratch, 'step-summary.md');
  await writeFile(summaryFile, '');
  const context: Record<string, string> = { 'github.action_path': options.actionPath ?? repoRoot };
  for (const [name, input] of Object.entries(action.inputs)) {
    context[`inputs.${name}`] = given[name] ?? input.default ?? '';
  }
  for (const name of Object.keys(given)) {
    if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  }
  const stepOutputs: Record<string, Record<string, string>> = {};
  let last: BashRun = { code: 0, stdout: '', stderr: '' };
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.run === undefined || step.shell !== 'bash')
      throw new Error(`step ${index} is not a bash run step`);
    const outputFile = join(scratch, `output-${index}`);
    await writeFile(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...options.env,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value), context);
    const cwd = resolve(options.workspace, evaluate(step['working-directory'] ?? '.', context));
    last = await bash(step.run, cwd, env);
    const outputs = readOutputs(await readFile(outputFile, 'utf8'));
    if (step.id) {
      stepOutputs[step.id] = outputs;
      for (const [name, value] of Object.entries(outputs))
        context[`steps.${step.id}.outputs.${name}`] = value;
    }
    if (last.code !== 0) break;
  }
  const outputs: Record<string, string> = {};
  for (const [name, output] of Object.entries(action.outputs)) {
    outputs[name] = output.value.replace(
      /\$\{\{\s*(steps\.[^}]+?)\s*\}\}/g,
      (_m, key: string) => context[key] ?? '',
    );
  }
  return { ...last, summary: await readFile(summaryFile, 'utf8'), stepOutputs, outputs };
}
