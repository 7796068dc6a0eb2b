import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/conformance/types.js';
import { getVendor, vendorIds } from '../../src/index.js';
import { CASSETTE_FORMAT, CASSETTE_VERSION, cassetteFileName } from '../../src/runner/cassettes/cassette.js';
import { repoRoot } from '../helpers/paths.js';
import { consumerMjs, consumerTs, packageJson, tsconfigJson } from './consumer-files.js';
import { describeDocExamples } from './doc-examples.js';
import { installConsumer, run, runOk } from './exec.js';
import { installedPackages, nativeArtifacts } from './installed.js';
import { describeToolchains } from './toolchains.js';

/**
 * What a user gets from `npm install error-contracts`: the repository is packed exactly as it would be
 * published (prepack builds dist/), and the tarball is installed into an empty project. Everything
 * below is checked against that installed copy, never against this checkout.
 */

let workDir: string;
let tarball: string;
let consumerDir: string;
let installedDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'error-contracts-packed-'));
  await runOk('npm', ['pack', '--silent', '--pack-destination', workDir], repoRoot);
  const tarballs = readdirSync(workDir).filter((name) => name.endsWith('.tgz'));
  expect(tarballs).toHaveLength(1);
  tarball = join(workDir, tarballs[0] as string);

  consumerDir = join(workDir, 'consumer');
  mkdirSync(consumerDir);
  writeFileSync(join(consumerDir, 'package.json'), packageJson);
  writeFileSync(join(consumerDir, 'consumer.mjs'), consumerMjs);
  writeFileSync(join(consumerDir, 'consumer.ts'), consumerTs);
  writeFileSync(join(consumerDir, 'tsconfig.json'), tsconfigJson);
  // --offline: the tarball has no dependencies, so the install must not need the registry. If it
  // ever did, npm would fail with ENOTCACHED here instead of quietly downloading.
  await runOk(
    'npm',
    ['install', tarball, '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
    consumerDir,
  );
  installedDir = join(consumerDir, 'node_modules', 'error-contracts');
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describeToolchains(() => ({ tarball, workDir }));
describeDocExamples(() => ({ tarball, workDir }));

describe('the packed package, installed into an empty project', () => {
  it('installs at most 6 packages, none of them a test framework, mock library, ajv or typescript', () => {
    const names = installedPackages(join(consumerDir, 'node_modules')).map((pkg) => pkg.name);
    expect(names).toContain('error-contracts');
    expect(names.length).toBeLessThanOrEqual(6);
    const unwanted = names.filter((name) =>
      /^(vitest|nock|ajv|ajv-formats|typescript|@pact-foundation\/.*)$/.test(name),
    );
    expect(unwanted).toEqual([]);
  });

  it('installs no native binary, node-gyp build or install script', () => {
    const artifacts = installedPackages(join(consumerDir, 'node_modules')).flatMap(nativeArtifacts);
    expect(artifacts).toEqual([]);
  });

  it('can be imported from ESM: entry point, vendor subpath and exported JSON schema', async () => {
    const { stdout, stderr } = await runOk(process.execPath, ['consumer.mjs'], consumerDir);
    expect(stderr).toBe(''); // no ExperimentalWarning or deprecation notice
    const seen = JSON.parse(stdout) as Record<string, unknown>;

    expect(seen.vendorIds).toEqual([...vendorIds]);
    expect(seen.valid).toMatchObject({ valid: true, envelope: { meta: { requestId: expect.any(String) } } });
    expect(seen.invalid).toEqual({
      valid: false,
      errors: [{ path: '/meta/timestamp', message: expect.stringContaining('date-time') }],
    });
    expect(seen.guard).toEqual({ valid: true, invalid: false });
    expect(seen.schemaPath).toBe(join(installedDir, 'schemas', 'foresight', 'envelope.schema.json'));
    expect(seen.schemaId).toBe('https://error-contracts.invalid/schemas/foresight/envelope.schema.json');
  });

  it('installs the error-contracts bin, which prints a catalog', async () => {
    const bin = join(consumerDir, 'node_modules', '.bin', 'error-contracts');
    const { stdout, stderr } = await runOk(bin, ['catalog', 'collate'], consumerDir);
    expect(stderr).toBe('');
    for (const entry of getVendor('collate').catalog) {
      expect(stdout).toMatch(new RegExp(`^${entry.code}\\s+${entry.status}\\s`, 'm'));
    }
  });

  it('explains how to get vitest when a run that needs it is started without it', async () => {
    const bin = join(consumerDir, 'node_modules', '.bin', 'error-contracts');
    const { code, stdout, stderr } = await run(bin, replayRun(consumerDir), consumerDir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('needs vitest');
    expect(stderr).toContain('npm install --save-dev vitest"');
  });

  it('names vite, not vitest, when vitest 5 came without its peer vite (--legacy-peer-deps)', async () => {
    const dir = join(workDir, 'legacy-peers');
    await installConsumer(dir, tarball, ['vitest@5'], ['--legacy-peer-deps', '--prefer-offline']);
    const bin = join(dir, 'node_modules', '.bin', 'error-contracts');
    const { code, stderr } = await run(bin, replayRun(dir), dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /vitest 5\.\d+\.\d+ is installed but cannot load: the package "vite" it needs is missing/,
    );
    expect(stderr).toContain('npm install --save-dev vite"');
  }, 120_000);

  it('runs a vendor checklist against the embedded simulator from node_modules without vitest', async () => {
    // Built-in targets run in this process: the consumer has no vitest installed.
    const bin = join(consumerDir, 'node_modules', '.bin', 'error-contracts');
    const { code, stdout, stderr } = await run(bin, ['run', '--vendor', 'collate', '--quiet'], consumerDir);
    // --quiet: no progress lines, so anything on stderr is a problem.
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Checks: \d+ pass/);
    expect(stdout).toContain('Collate');
  }, 60_000);

  it('runs a replay through vitest, loading the bundled suite and its shared error classes from node_modules', async () => {
    // Local runs no longer start vitest; a replay still does. An empty cassette leaves every check
    // unrecorded, so the run succeeds only if vitest loaded the installed suite file, resolved its
    // `#internal/*` imports and reported each check back.
    const linked = join(consumerDir, 'node_modules', 'vitest');
    symlinkSync(join(repoRoot, 'node_modules', 'vitest'), linked, 'dir');
    try {
      const bin = join(consumerDir, 'node_modules', '.bin', 'error-contracts');
      const { code, stdout, stderr } = await run(bin, [...replayRun(consumerDir), '--quiet'], consumerDir);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/Checks: \d+ skipped/);
      expect(stdout).toContain('Requests replayed: 0');
    } finally {
      rmSync(linked);
    }
  }, 60_000);

  it("gives a user's own vitest the error-contracts/vitest matchers", async () => {
    const linked = join(consumerDir, 'node_modules', 'vitest');
    symlinkSync(join(repoRoot, 'node_modules', 'vitest'), linked, 'dir');
    const body = {
      error: { code: 'version_conflict', message: 'm', retryable: false, details: {}, issues: [] },
      requestId: 'req_1',
    };
    writeFileSync(
      join(consumerDir, 'matchers.test.mjs'),
      `import 'error-contracts/vitest';
import { expect, test } from 'vitest';
test('the matchers are on expect', () => {
  expect({ status: 409, body: ${JSON.stringify(body)} }).toBeDocumentedError('collate', 'version_conflict');
  expect(() => expect({ status: 500, body: '' }).toBeDocumentedError('collate', 'version_conflict')).toThrow(/status 500, not 409/);
  expect([{ at: 0, status: 503 }, { at: 10, status: 200 }]).not.toFollowRetryPolicy('foresight');
});
`,
    );
    try {
      const vitest = join(linked, 'vitest.mjs');
      const { code, stdout, stderr } = await run(
        process.execPath,
        [vitest, 'run', 'matchers.test.mjs'],
        consumerDir,
      );
      expect(stdout + stderr).toMatch(/1 passed/);
      expect(code).toBe(0);
    } finally {
      rmSync(linked);
    }
  }, 60_000);

  it('type-checks a strict TypeScript consumer that relies on narrowing', async () => {
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumerDir);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('publint finds no error, warning or suggestion in the installed files', async () => {
    // pack: false lints the directory as it is, which is right for an installed copy of the tarball.
    const { messages, pkg } = await publint({ pkgDir: installedDir, pack: false, strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('are-the-types-wrong finds no problem for ESM consumers', async () => {
    const attw = join(repoRoot, 'node_modules', '.bin', 'attw');
    // Profile esm-only skips two resolutions this package rules out on purpose. node10 (TypeScript's
    // old `moduleResolution: node`) ignores `exports`, so it cannot see subpaths at all; node16-cjs is a
    // CommonJS `require`, and the package is ESM-only for Node >= 20.19 (where require(esm) works
    // anyway). --no-definitely-typed: the types ship in the package, so there is nothing to fetch.
    const result = await run(
      attw,
      [tarball, '--format', 'json', '--profile', 'esm-only', '--no-definitely-typed'],
      workDir,
    );
    const report = JSON.parse(result.stdout) as {
      analysis: { types: { kind: string }; problems: Array<{ kind: string; resolutionKind?: string }> };
    };
    expect(report.analysis.types.kind).toBe('included');
    const ignored = new Set(['node10', 'node16-cjs']);
    const problems = report.analysis.problems.filter(
      (problem) => problem.resolutionKind === undefined || !ignored.has(problem.resolutionKind),
    );
    expect(problems).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('ships the built code, schemas and catalog docs, but no tests, sources, fixtures or source maps', () => {
    const files = readdirSync(installedDir, { recursive: true, encoding: 'utf8' }).map((file) =>
      file.split(sep).join('/'),
    );
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('schemas/casexchange/envelope.schema.json');
    expect(files).toContain('docs/catalog/README.md');
    // The guides the CLI's help points at.
    expect(files).toContain('docs/running.md');
    expect(files.filter((file) => /^(src|test|suites|scripts)\/|\.map$|\/cases\//.test(file))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(installedDir, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.dependencies).toBeUndefined();
    for (const link of ['repository', 'homepage', 'bugs']) expect(manifest[link], link).toBeDefined();
  });

  it('never reaches vitest from the main entry; only the vitest subpath imports it', () => {
    const fromMain = staticImports(join(installedDir, 'dist', 'index.js'));
    expect(fromMain.filter((specifier) => /^vitest(\/|$)/.test(specifier))).toEqual([]);
    expect(staticImports(join(installedDir, 'dist', 'vitest', 'index.js'))).toContain('vitest');
  });
});

/**
 * The arguments of a run that goes through vitest (a replay; the embedded simulator runs without
 * it), with a cassette for Collate written into `dir`: a well-formed one, so that the run gets as
 * far as loading vitest.
 */
function replayRun(dir: string): string[] {
  const cassettes = join(dir, 'cassettes');
  mkdirSync(cassettes, { recursive: true });
  const cassette = {
    format: CASSETTE_FORMAT,
    version: CASSETTE_VERSION,
    vendorId: 'collate',
    recordedAt: new Date(0).toISOString(),
    baseUrl: 'http://127.0.0.1:9/collate',
    roles: [],
    facts: [],
    limits: DEFAULT_LIMITS,
    checks: {},
  };
  writeFileSync(join(cassettes, cassetteFileName('collate')), JSON.stringify(cassette));
  return ['run', '--target', 'replay', '--cassettes', cassettes, '--vendor', 'collate'];
}

/** Every bare module a file imports, following its relative imports (chunks) through the bundle. */
function staticImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[^'"]*?from\s*)?["']([^"']+)["']/g),
  ].map((match) => match[1] as string);
  return specifiers.flatMap((specifier) =>
    specifier.startsWith('.') ? staticImports(join(dirname(file), specifier), seen) : [specifier],
  );
}
