import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Git with no user config, hooks or signing in the way: the copy's history is only a baseline. */
export function git(cwd: string, args: readonly string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=extension',
      '-c',
      'user.email=extension@invalid',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
  );
}

/**
 * The files a checkout of `root` holds right now: tracked ones as they are in the working tree
 * (uncommitted edits included) and new ones git does not ignore, without deleted ones.
 */
export function workingTreeFiles(root: string): string[] {
  return git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(root, path)) && lstatSync(join(root, path)).isFile());
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

function copyFiles(from: string, to: string, paths: readonly string[]): void {
  for (const path of paths) {
    mkdirSync(dirname(join(to, path)), { recursive: true });
    cpSync(join(from, path), join(to, path));
  }
}

/**
 * A copy of the repository at `<base>/repo`, committed as a git baseline so every later change
 * shows in `git status`, with `<base>/shared` pointing at the real shared folder (the vendor docs
 * sit at ../shared) and node_modules linked rather than installed.
 */
export function copyRepository(root: string, base: string): string {
  const repo = join(base, 'repo');
  copyFiles(root, repo, workingTreeFiles(root));
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'));
  const shared = join(root, '..', 'shared');
  if (existsSync(shared)) symlinkSync(shared, join(base, 'shared'));
  git(repo, ['init', '-q']);
  // The link is not the project's; keep it out of the status without touching .gitignore.
  writeFileSync(join(repo, '.git', 'info', 'exclude'), '/node_modules\n');
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '--no-verify', '-m', 'baseline']);
  return repo;
}

/** Copies a fixture tree whose folders mirror the repository's into it; returns the paths it wrote. */
export function addFixture(fixture: string, repo: string): string[] {
  const paths = filesUnder(fixture);
  copyFiles(fixture, repo, paths);
  return paths;
}

/** Paths `git status` reports changed, added or deleted since the baseline (ignored files left out). */
export function changedSinceBaseline(repo: string): string[] {
  return git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'])
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}
