import type { VendorSource } from './load-vendors.js';

const entry = (base: string) => ({ types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` });

/**
 * The package's exports map. Vendor subpaths are listed one by one (rather than as a pattern) so
 * that publint and are-the-types-wrong can check each, and so that a typo fails to resolve.
 */
export function packageExports(vendors: VendorSource[]): Record<string, unknown> {
  return {
    '.': entry('index'),
    ...Object.fromEntries(vendors.map((v) => [`./${v.id}`, entry(`generated/${v.id}/index`)])),
    './simulator': entry('simulator/index'),
    './runner': entry('runner/index'),
    './client-check': entry('client-check/index'),
    // Matchers for users' own tests; the only entry that imports vitest (an optional peer).
    './vitest': entry('vitest/index'),
    './schemas/*': './schemas/*',
    './package.json': './package.json',
  };
}

/** package.json with its exports map replaced; every other key keeps its place and value. */
export function withExports(packageJsonText: string, vendors: VendorSource[]): string {
  const pkg = JSON.parse(packageJsonText) as Record<string, unknown>;
  pkg.exports = packageExports(vendors);
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
