import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageJson } from './consumer-files.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment for child tools. Variables npm sets for a running script (`npm_config_local_prefix`,
 * `npm_lifecycle_event`, ...) are dropped: when the suite runs under `npm test` they would point a nested
 * npm back at this repository instead of the directory it is started in.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return {
    ...env,
    CI: 'true',
    NO_COLOR: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

/** Runs a program to completion and reports its exit code and output; never rejects on a non-zero exit. */
export function run(command: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: childEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error); // the program could not be started at all (ENOENT, ...)
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Like run, but a non-zero exit is an error whose message carries the program's output. */
export async function runOk(command: string, args: string[], cwd: string): Promise<RunResult> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/**
 * A fresh consumer project `dir` with the tarball and `packages` installed as a user would. The
 * default flags read npm's cache first and the registry only for what it lacks; `--offline` (the
 * tarball alone) or `--legacy-peer-deps` go in `flags`.
 */
export async function installConsumer(
  dir: string,
  tarball: string,
  packages: readonly string[] = [],
  flags: readonly string[] = ['--prefer-offline'],
): Promise<void> {
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), packageJson);
  await runOk(
    'npm',
    ['install', tarball, ...packages, ...flags, '--no-audit', '--no-fund', '--loglevel=error'],
    dir,
  );
}
