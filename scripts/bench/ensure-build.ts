import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure `dist/` holds a build of the current sources: the import cost must be measured on the
 * JavaScript consumers load, and a stale build would time yesterday's code. Returns what it did.
 */
export function ensureBuild(root: string): 'built' | 'up to date' {
  const entry = join(root, 'dist', 'index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(join(root, 'src'))) return 'up to date';
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  return 'built';
}

/**
 * A private copy of `dist/` and `package.json`, removed by the returned `dispose`. `npm run build`
 * starts with `rm -rf dist`, so a build or `npm pack` run elsewhere during the benchmark would
 * otherwise pull the files from under the child processes. The built entries share their error
 * classes through the package's `imports` map (`#internal/*`), so the manifest comes along.
 */
export function snapshotBuild(root: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'error-contracts-bench-'));
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
