import { describe, expect, it } from 'vitest';
import { RunConfigError } from '../../src/runner/config/errors.js';
import { loadVitest, missingPackageOf, vitestLoadProblem } from '../../src/runner/vitest/load-vitest.js';
import { satisfiesNodeRange } from '../../src/runner/vitest/node-range.js';

const vitest5 = { version: '5.1.2', engines: '^22.12.0 || ^24.0.0 || >=26.0.0' };
const notFound = (name: string) =>
  Object.assign(
    new Error(`Cannot find package '${name}' imported from /p/node_modules/vitest/dist/node.js`),
    {
      code: 'ERR_MODULE_NOT_FOUND',
    },
  );

describe('why vitest could not be loaded', () => {
  it('says to install vitest when it is not installed at all', () => {
    const message = vitestLoadProblem(notFound('vitest'), undefined, '22.12.0');
    expect(message).toContain('npm install --save-dev vitest"');
    expect(message).toContain('version 4 or 5');
  });

  it('names vite when vitest is present but its peer vite is missing', () => {
    const message = vitestLoadProblem(notFound('vite'), vitest5, '24.1.0');
    expect(message).toContain('vitest 5.1.2 is installed');
    expect(message).toContain('"vite"');
    expect(message).toContain('npm install --save-dev vite');
    expect(message).not.toContain('vitest@4');
  });

  it('names the Node version when the installed vitest does not support it', () => {
    const message = vitestLoadProblem(new SyntaxError('Unexpected token'), vitest5, '20.20.2');
    expect(message).toContain('vitest 5.1.2 supports Node ^22.12.0 || ^24.0.0 || >=26.0.0');
    expect(message).toContain('this is Node 20.20.2');
  });

  it('passes any other cause on, first line only', () => {
    const message = vitestLoadProblem(new Error('boom\n    at x'), vitest5, '22.12.0');
    expect(message).toBe('vitest 5.1.2 is installed but could not be loaded: boom');
  });

  it('turns a failed import into a RunConfigError that keeps the cause', async () => {
    const cause = notFound('vite');
    const failure = await loadVitest(() => Promise.reject(cause)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RunConfigError);
    expect((failure as RunConfigError).cause).toBe(cause);
  });

  it('reads scoped and plain package names from a module-not-found message', () => {
    expect(missingPackageOf(notFound('@vitest/mocker'))).toBe('@vitest/mocker');
    expect(missingPackageOf(notFound('vite'))).toBe('vite');
    expect(missingPackageOf(new Error('other'))).toBeUndefined();
  });
});

describe('engines.node ranges', () => {
  it.each([
    ['20.20.2', '^22.12.0 || ^24.0.0 || >=26.0.0', false],
    ['22.11.0', '^22.12.0 || ^24.0.0 || >=26.0.0', false],
    ['22.12.0', '^22.12.0 || ^24.0.0 || >=26.0.0', true],
    ['23.1.0', '^22.12.0 || ^24.0.0 || >=26.0.0', false],
    ['27.0.0', '^22.12.0 || ^24.0.0 || >=26.0.0', true],
    ['20.19.0', '>=20.19', true],
    ['20.18.9', '>=20.19', false],
    ['22.20.0', '>= 22.20.0', true],
    ['21.0.0', '>=20 <21', false],
    ['20.5.0', '20', true],
    ['20.5.0', '~20.4.0', false],
  ])('Node %s against %s: %s', (version, range, expected) => {
    expect(satisfiesNodeRange(version, range)).toBe(expected);
  });
});
