/**
 * The installed package's own folder, found by walking up from this module: bundling moves code
 * into dist/chunks/, so no fixed relative path from a module to the package root holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorContractsError } from '../errors.js';

const NAME = 'error-contracts';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth++) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === NAME
    ) {
      return dir;
    }
    dir = dirname(dir);
  }
  throw new ErrorContractsError(
    'ERR_BUILD_MISSING',
    `The ${NAME} package folder was not found above ${fileURLToPath(import.meta.url)}.`,
  );
}

/** What a stored result says produced it. */
export function toolInfo(): { name: string; version: string } {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return { name: NAME, version: manifest.version };
}
