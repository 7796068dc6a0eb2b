/**
 * Bundles each of the package's JavaScript entry points (the exports map and the bin) from src/
 * into dist/, with code shared between entry points split into chunks. tsc still writes the
 * declarations beside them. Why bundle: Node loads an ES module per file, and at some fifty small
 * files the package's import cost was twice its budget; a bundle per entry point pays that once.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface PackageJson {
  exports: Record<string, string | { default?: string }>;
  bin: Record<string, string>;
}

/** "./dist/generated/collate/index.js" -> "src/generated/collate/index.ts" */
export function sourceOf(distPath: string): string {
  const match = /^\.\/dist\/(.+)\.js$/.exec(distPath);
  if (!match) throw new Error(`${distPath} is not a JavaScript file under dist/`);
  return `src/${match[1]}.ts`;
}

/**
 * Files loaded by path rather than imported through the exports map: the conformance suite, which
 * the run command hands to vitest.
 */
const LOADED_BY_PATH = ['src/runner/vitest/conformance.suite.ts'];

export function entryPoints(pkg: PackageJson): string[] {
  const targets = Object.values(pkg.exports)
    .map((target) => (typeof target === 'string' ? target : target.default))
    .filter((target): target is string => target?.startsWith('./dist/') === true && target.endsWith('.js'));
  return [...new Set([...[...targets, ...Object.values(pkg.bin)].map(sourceOf), ...LOADED_BY_PATH])].sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  await build({
    absWorkingDir: root,
    entryPoints: entryPoints(pkg),
    outbase: 'src',
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Dependencies (nock, an optional peer) stay imports; only the package's own code is bundled.
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
}
