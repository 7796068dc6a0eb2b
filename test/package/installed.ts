import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface InstalledPackage {
  name: string;
  dir: string;
}

/**
 * Every package under a node_modules directory, scoped ones (`@scope/name`) and nested ones
 * (`a/node_modules/b`) included. Hidden entries (`.bin`, `.package-lock.json`) are npm's bookkeeping,
 * not packages.
 */
export function installedPackages(nodeModules: string): InstalledPackage[] {
  if (!existsSync(nodeModules)) return [];
  const found: InstalledPackage[] = [];
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const dirs = entry.name.startsWith('@')
      ? readdirSync(join(nodeModules, entry.name), { withFileTypes: true })
          .filter((scoped) => scoped.isDirectory())
          .map((scoped) => join(nodeModules, entry.name, scoped.name))
      : [join(nodeModules, entry.name)];
    for (const dir of dirs) {
      found.push({ name: relative(nodeModules, dir).split('\\').join('/'), dir });
      found.push(...installedPackages(join(dir, 'node_modules')));
    }
  }
  return found;
}

const installHooks = ['preinstall', 'install', 'postinstall'];

/**
 * Signs that a package builds or ships native code: compiled addons (`*.node`), a node-gyp build
 * file, or an install-time script (which is how prebuilt binaries get downloaded).
 */
export function nativeArtifacts(pkg: InstalledPackage): string[] {
  const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
    gypfile?: boolean;
  };
  const hooks = installHooks
    .filter((hook) => manifest.scripts?.[hook] !== undefined)
    .map((hook) => `${pkg.name}: scripts.${hook}`);
  const files = readdirSync(pkg.dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => !file.includes('node_modules/'))
    .filter((file) => file.endsWith('.node') || file === 'binding.gyp')
    .map((file) => `${pkg.name}: ${file}`);
  return [...hooks, ...(manifest.gypfile ? [`${pkg.name}: gypfile`] : []), ...files];
}
