import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/error-codes.js';
import { repoRoot } from '../helpers/paths.js';

/** Codes that are not ours: Node's own families, which the CLI reads from errors Node throws. */
const FOREIGN_CODE_FAMILIES = ['ERR_PARSE_ARGS', 'ERR_UNKNOWN_FILE_EXTENSION'];
const isForeign = (code: string) => FOREIGN_CODE_FAMILIES.some((family) => code.startsWith(family));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sourceFiles(join(repoRoot, 'src')), ...sourceFiles(join(repoRoot, 'scripts'))].map(
  (path) => ({
    path: path.slice(repoRoot.length + 1),
    text: readFileSync(path, 'utf8'),
  }),
);
const registered = Object.keys(ERROR_CODES);

/** The table rows of docs/errors.md: code and meaning. */
function documented(): Map<string, string> {
  const text = readFileSync(join(repoRoot, 'docs/errors.md'), 'utf8');
  return new Map(
    [...text.matchAll(/^\| `(ERR_[A-Z0-9_]+)` \| (.+) \|$/gm)].map((match) => [
      match[1] ?? '',
      match[2] ?? '',
    ]),
  );
}

describe('the error-code registry', () => {
  it('lists every ERR_ code the sources use, and no code they never use', () => {
    const used = new Set(
      files.flatMap(({ text }) => [...text.matchAll(/'(ERR_[A-Z0-9_]+)'/g)].map((match) => match[1] ?? '')),
    );
    const unregistered = [...used].filter((code) => !(code in ERROR_CODES) && !isForeign(code));
    expect(unregistered).toEqual([]);
    const unused = registered.filter((code) => !used.has(code) && code !== 'ERR_VENDOR_API');
    // ERR_VENDOR_API is the base class's code, listed because `static errorCode` shows it.
    expect(unused).toEqual([]);
  });

  it('is what docs/errors.md lists, code for code and meaning for meaning', () => {
    expect(Object.fromEntries(documented())).toEqual(ERROR_CODES);
  });

  // The package's own code; the build and benchmark scripts may stop with a plain Error.
  it('leaves no error class in the package outside ErrorContractsError and no bare Error thrown', () => {
    const offenders = files
      .filter(({ path }) => path.startsWith('src/'))
      .flatMap(({ path, text }) =>
        text
          .split('\n')
          .map((line, index) => ({ line, at: `${path}:${index + 1}` }))
          .filter(
            ({ line }) =>
              /\bextends (Error|TypeError|RangeError)\b/.test(line) ||
              /\bthrow new (Error|TypeError|RangeError)\(/.test(line),
          )
          .map(({ at, line }) => `${at} ${line.trim()}`),
      );
    expect(offenders.filter((entry) => !entry.startsWith('src/errors.ts'))).toEqual([]);
  });
});
