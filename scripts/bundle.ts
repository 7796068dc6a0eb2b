/**
 * Bundles each of the package's JavaScript entry points (the exports map and the bin) from src/
 * into dist/. tsc still writes the declarations beside them. Why bundle: Node loads an ES module
 * per file, and each costs a resolve, a read and a compile of its own.
 *
 * Two builds. The main entry (what `import 'error-contracts'` loads) is built on its own, so it is
 * one file plus the shared error classes: split with the other entry points, it came apart into a
 * chunk per combination of entry points sharing a module, nearly twenty files. Every other entry
 * point is built in a second build, with code they share split into chunks. A class must be one
 * class across entry points (a user's `instanceof ErrorContractsError` holds for an error thrown by
 * error-contracts/runner), so the modules that define the package's error classes are built once,
 * with the main entry, and the second build imports them through the package's private
 * `#internal/*` imports rather than bundling copies.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';

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

/** The main entry point, built on its own. */
export const MAIN_ENTRY = 'src/index.ts';

/**
 * The modules that define classes shared by every entry point, by the name under which the other
 * entry points import them (`#internal/<name>`, mapped to dist/internal/<name>.js by the
 * `imports` field of package.json).
 */
export const SHARED_MODULES: Readonly<Record<string, string>> = {
  errors: 'src/errors.ts',
  'client-errors': 'src/client/errors.ts',
};

/** Resolves imports of the shared modules to `#internal/<name>`, left for Node to load. */
function sharedModulesPlugin(): Plugin {
  const byPath = new Map(Object.entries(SHARED_MODULES).map(([name, path]) => [join(root, path), name]));
  return {
    name: 'shared-modules',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\./ }, (args) => {
        const target = join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        const name = byPath.get(target);
        return name === undefined ? undefined : { path: `#internal/${name}`, external: true };
      });
    },
  };
}

const common: BuildOptions = {
  absWorkingDir: root,
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Dependencies (nock, an optional peer) stay imports; only the package's own code is bundled.
  packages: 'external',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  metafile: true,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  await build({
    ...common,
    entryPoints: [
      MAIN_ENTRY,
      ...Object.entries(SHARED_MODULES).map(([name, path]) => ({ in: path, out: `internal/${name}` })),
    ],
  });
  const rest = await build({
    ...common,
    entryPoints: entryPoints(pkg).filter((entry) => entry !== MAIN_ENTRY),
    plugins: [sharedModulesPlugin()],
  });
  // A copy of a shared module in the second build would be a second class of the same name.
  const copied = Object.values(SHARED_MODULES).filter((path) =>
    Object.values(rest.metafile?.outputs ?? {}).some((output) => path in output.inputs),
  );
  if (copied.length > 0) {
    throw new Error(`${copied.join(', ')} bundled outside the main build; import them through #internal/*`);
  }
}
