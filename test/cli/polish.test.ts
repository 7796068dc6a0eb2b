import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagsFromHelp } from '../../src/cli/flags.js';
import { EXIT } from '../../src/cli/io.js';
import { assertKnownCheckIds, type RunConfigFile } from '../../src/runner/config/sandbox-config.js';
import { repoRoot } from '../helpers/paths.js';
import { cli } from '../helpers/run-cli-captured.js';

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

/** Mistakes a person makes, and the one line the CLI answers each with on stderr (exit 2). */
const mistakes: { argv: string[]; says: string }[] = [
  {
    argv: ['rnu'],
    says: 'error-contracts: unknown command "rnu". Did you mean "run"?',
  },
  {
    argv: ['help', 'valdate'],
    says: 'error-contracts: unknown command "valdate". Did you mean "validate"?',
  },
  {
    argv: ['run', '--vednor', 'collate'],
    says: 'error-contracts run: unknown option --vednor. Did you mean "--vendor"? See "error-contracts help run".',
  },
  {
    argv: ['run', '--vendor', 'colate'],
    says: 'error-contracts run: unknown vendor "colate" (--vendor). Did you mean "collate"?',
  },
  {
    argv: ['catalog', 'foresigth'],
    says: 'error-contracts catalog: unknown vendor "foresigth" (<vendor>). Did you mean "foresight"?',
  },
  {
    argv: ['run', '--vendor'],
    says: 'error-contracts run: --vendor needs a value (--vendor <id>). See "error-contracts help run".',
  },
  {
    argv: ['pact', '--verify=yes'],
    says: 'error-contracts pact: --verify is a switch and takes no value.',
  },
  {
    argv: ['run', 'collate'],
    says: 'error-contracts run: unexpected argument "collate": this command takes options only. To choose it, write --vendor collate.',
  },
  {
    argv: ['run', '--target', 'sandbx'],
    says: 'error-contracts run: unknown --target "sandbx". Did you mean "sandbox"?',
  },
  {
    argv: ['run', '--reporter', 'junt'],
    says: 'error-contracts run: unknown --reporter "junt". Did you mean "junit"?',
  },
  {
    argv: ['summary', '--bogus'],
    says: 'error-contracts summary: unknown option --bogus. See "error-contracts help summary".',
  },
  {
    argv: ['summary', '--vendor', 'x'],
    says: 'error-contracts summary: unknown option --vendor. See "error-contracts help summary".',
  },
  {
    argv: ['summary', '--hepl'],
    says: 'error-contracts summary: unknown option --hepl. Did you mean "--help"? See "error-contracts help summary".',
  },
  {
    argv: ['validate', 'collate', '--format', 'yaml'],
    says: 'error-contracts validate: --format must be text or json, not "yaml".',
  },
];

describe('what a new user meets first', () => {
  it('--version prints the version from package.json and exits 0', async () => {
    for (const flag of ['--version', '-v']) {
      const { code, stdout, stderr } = await cli([flag]);
      expect(code).toBe(EXIT.ok);
      expect(stdout).toBe(`${version}\n`);
      expect(stderr).toBe('');
    }
  });

  it('help <command> prints the same text as <command> --help', async () => {
    for (const command of ['run', 'validate', 'check-client']) {
      const viaHelp = await cli(['help', command]);
      const viaFlag = await cli([command, '--help']);
      expect(viaHelp.code).toBe(EXIT.ok);
      expect(viaHelp.stdout).toBe(viaFlag.stdout);
      expect(viaHelp.stdout).toMatch(new RegExp(`^error-contracts ${command} `));
    }
  });

  it('help alone lists every command and exits 0', async () => {
    const { code, stdout } = await cli(['help']);
    expect(code).toBe(EXIT.ok);
    for (const command of ['catalog', 'validate', 'summary', 'serve', 'run', 'pact', 'check-client'])
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(stdout).toContain('--version');
  });

  it.each(mistakes)('answers "$argv" with one prefixed line in its own words', async ({ argv, says }) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toContain(says);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    // node:util parseArgs' own wording never reaches the user.
    expect(stderr).not.toMatch(/positional|Unknown option '|argument missing|ambiguous/);
  });

  it.each([
    ['catalog', ['collate']],
    ['validate', ['collate']],
    ['serve', []],
    ['run', []],
    ['checks', []],
    ['init', []],
    ['pact', []],
    ['check-client', []],
  ])('%s refuses a misspelt flag of its own and names the one meant', async (command, rest) => {
    const help = (await cli(['help', command])).stdout;
    const flags = flagsFromHelp(help).map((flag) => flag.name);
    const meant = flags.find((flag) => flag.length > 6) as string;
    // Two letters swapped: the slip a suggestion is for.
    const typed = `${meant.slice(0, 3)}${meant[4]}${meant[3]}${meant.slice(5)}`;
    const { code, stdout, stderr } = await cli([command, ...rest, typed]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toContain(`unknown option ${typed}. Did you mean "${meant}"?`);
  });

  it.each([
    [true, 1],
    [false, 0],
  ])(
    'validate says it waits for standard input when it is a terminal (%s)',
    async (stdinIsTerminal, lines) => {
      const { code, stdout, stderr } = await cli(['validate', 'collate'], {
        stdin: '{}',
        terminal: { stdout: stdinIsTerminal, stderr: stdinIsTerminal, stdin: stdinIsTerminal },
      });
      expect(code).toBe(EXIT.failed);
      expect(stdout).toMatch(/^invalid: /);
      const notices = stderr
        .split('\n')
        .filter((line) => line.includes('reading the body from standard input'));
      expect(notices).toHaveLength(lines);
      if (lines > 0) expect(notices[0]).toMatch(/Ctrl\+D|Ctrl\+Z/);
    },
  );

  it("suggests the check id a config file's override most likely meant", () => {
    const config = { vendors: { collate: { checks: { 'code.version_confict': {} } } } } as RunConfigFile;
    expect(() => assertKnownCheckIds(config)).toThrow(
      'vendors.collate.checks.code.version_confict names no check of collate; Did you mean "code.version_conflict"?',
    );
  });

  it('suggests nothing when no name is close to what was typed', async () => {
    const { stderr } = await cli(['run', '--vendor', 'acme']);
    expect(stderr).toContain('unknown vendor "acme"');
    expect(stderr).not.toContain('Did you mean');
  });

  it('points at guides that ship in the package', async () => {
    const { stdout } = await cli(['--help']);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      files: string[];
      homepage: string;
    };
    expect(stdout).toContain('docs/running.md');
    expect(pkg.files).toContain('docs');
    expect(stdout).toContain(pkg.homepage.replace(/#readme$/, ''));
  });
});
