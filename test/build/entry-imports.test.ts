/**
 * What each start-up path loads before it does anything: the package's main entry and the CLI's
 * `--version` are bundled here (in memory, as scripts/bundle.ts splits them) and the modules they
 * import statically, following chunks, are listed from esbuild's metafile.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/** The source files an entry point loads before any dynamic import(). */
async function staticallyLoaded(entry: string): Promise<{ loaded: string[]; dynamic: string[] }> {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    outdir: 'dist-entry-imports-test',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const start = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === entry);
  if (start === undefined) throw new Error(`no output for ${entry}`);
  const seen = new Set<string>();
  const dynamic = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.external) continue;
      if (imported.kind === 'dynamic-import') dynamic.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(start);
  const loaded = [...seen].flatMap((path) => Object.keys(outputs[path]?.inputs ?? {}));
  const dynamicInputs = [...dynamic].flatMap((path) => Object.keys(outputs[path]?.inputs ?? {}));
  return { loaded, dynamic: dynamicInputs };
}

describe('what start-up loads', () => {
  it('the CLI loads each command only when it is called', async () => {
    const { loaded, dynamic } = await staticallyLoaded('src/cli/main.ts');
    expect(loaded).toContain('src/cli/run-cli.ts');
    expect(loaded.filter((file) => file.startsWith('src/cli/commands/'))).toEqual([]);
    // Nor what the commands need: the checklists, the simulator, the vendor data.
    expect(loaded.filter((file) => /^src\/(conformance|simulator|generated|report)\//.test(file))).toEqual(
      [],
    );
    expect(dynamic).toContain('src/cli/commands/run.ts');
  });

  it('the main entry loads none of the simulator, the runner, the checks, Pact or the vitest matchers', async () => {
    const { loaded } = await staticallyLoaded('src/index.ts');
    expect(loaded).toContain('src/validation/validate-error.ts');
    expect(
      loaded.filter((file) => /^src\/(simulator|runner|conformance|pact|vitest|scenarios|cli)\//.test(file)),
    ).toEqual([]);
  });
});
