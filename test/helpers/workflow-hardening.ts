import { load } from 'js-yaml';

/**
 * The supply-chain rules every workflow of this repository follows, as a function from a workflow's
 * text to what breaks them, so the rules can be shown to catch a bad workflow as well as pass ours:
 * - third-party actions pinned to a full commit SHA, with the version in a comment on that line
 *   (a tag can be moved to other code; a commit cannot);
 * - checkout keeps no token in .git/config (`persist-credentials: false`);
 * - no permission granted at the top; each job declares its own;
 * - in a job that holds a token (a secret, or a write or id-token permission), npm installs no
 *   package scripts (`--ignore-scripts`);
 * - a job that publishes to npm does so with provenance (id-token: write, NPM_CONFIG_PROVENANCE).
 */
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  permissions?: unknown;
  env?: Record<string, unknown>;
  steps?: Step[];
}
interface Workflow {
  permissions?: unknown;
  jobs?: Record<string, Job>;
}

const PINNED = /^[\w.-]+\/[\w.-]+(?:\/[^@\s]*)?@[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+(?:\.\d+)*\b/;
const NPM_INSTALL = /\bnpm\s+(?:ci|install|i)\b[^\n;&|]*/g;

const grants = (permissions: unknown): Record<string, string> =>
  permissions !== null && typeof permissions === 'object' ? (permissions as Record<string, string>) : {};

const writes = (permissions: unknown): boolean =>
  permissions === 'write-all' || Object.values(grants(permissions)).includes('write');

export function hardeningProblems(text: string): string[] {
  const problems: string[] = [];
  const workflow = load(text) as Workflow;
  const lines = text.split('\n');
  if (workflow.permissions === undefined) problems.push('no top-level permissions');
  else if (writes(workflow.permissions) || workflow.permissions === 'read-all')
    problems.push('top-level permissions grant more than nothing or contents: read');
  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    if (job.permissions === undefined) problems.push(`${id}: no permissions of its own`);
    const jobText = JSON.stringify(job);
    const holdsToken = /\bsecrets\b/.test(jobText) || writes(job.permissions);
    const actions = [job.uses, ...(job.steps ?? []).map((step) => step.uses)].filter(
      (uses): uses is string => typeof uses === 'string',
    );
    for (const uses of actions) {
      if (uses.startsWith('./') || uses.startsWith('docker://')) continue;
      if (!PINNED.test(uses)) {
        problems.push(`${id}: ${uses} is not pinned to a commit SHA`);
        continue;
      }
      const line = lines.find((candidate) => candidate.includes(uses));
      if (!line || !VERSION_COMMENT.test(line.slice(line.indexOf(uses) + uses.length)))
        problems.push(`${id}: ${uses} has no version comment`);
    }
    for (const step of job.steps ?? []) {
      if (step.uses?.startsWith('actions/checkout@') && step.with?.['persist-credentials'] !== false)
        problems.push(`${id}: checkout persists its credentials`);
      if (holdsToken && typeof step.run === 'string') {
        for (const install of step.run.matchAll(NPM_INSTALL)) {
          if (!install[0].includes('--ignore-scripts'))
            problems.push(`${id}: "${install[0].trim()}" runs install scripts in a job that holds a token`);
        }
      }
    }
    const publishes = /NPM_TOKEN|NODE_AUTH_TOKEN|npm publish/.test(jobText);
    if (publishes) {
      if (grants(job.permissions)['id-token'] !== 'write')
        problems.push(`${id}: publishes without id-token: write`);
      if (!/"NPM_CONFIG_PROVENANCE":(?:true|"true")|--provenance/.test(jobText))
        problems.push(`${id}: publishes without npm provenance`);
    }
  }
  return problems;
}
