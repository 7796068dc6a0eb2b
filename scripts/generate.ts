/**
 * Writes src/generated/, docs/catalog/, schemas/meta/run-config.schema.json and package.json's exports
 * map from schemas/.
 * With --check it writes nothing and exits 1 if any of those differ from what is on disk, which
 * is how CI and the drift test catch a hand edit or a forgotten regeneration. With --list it writes
 * nothing and prints what it owns, one line each: every file it writes, then each folder it
 * replaces whole (ending in "/"), so a check can tell generated changes from hand edits.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './codegen/generate-all.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OWNED_DIRS = ['src/generated', 'docs/catalog'];

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Paths that differ between the generator's output and the working tree, with the reason. */
export async function findDrift(): Promise<string[]> {
  const files = await generateAll(root);
  const drift: string[] = [];
  for (const [path, content] of files) {
    const full = join(root, path);
    if (!existsSync(full)) drift.push(`${path}: missing`);
    else if (readFileSync(full, 'utf8') !== content)
      drift.push(`${path}: differs from the generator's output`);
  }
  for (const path of OWNED_DIRS.flatMap((dir) => listFiles(join(root, dir)))) {
    if (!files.has(path)) drift.push(`${path}: not produced by the generator`);
  }
  return drift;
}

async function write(): Promise<void> {
  const files = await generateAll(root);
  for (const dir of OWNED_DIRS) rmSync(join(root, dir), { recursive: true, force: true });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  console.log(`generated ${files.size} files`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--list')) {
    const files = await generateAll(root);
    console.log([...files.keys(), ...OWNED_DIRS.map((dir) => `${dir}/`)].join('\n'));
  } else if (process.argv.includes('--check')) {
    const drift = await findDrift();
    if (drift.length > 0) {
      console.error(`Generated files are out of date (run \`npm run generate\`):\n  ${drift.join('\n  ')}`);
      process.exit(1);
    }
    console.log('generated files are up to date');
  } else {
    await write();
  }
}
