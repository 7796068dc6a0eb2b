import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file by creating a new temporary file next to it and renaming it into place. The
 * temporary name is fresh and opened with O_EXCL ('wx'), so an existing file or symlink is never
 * followed, and the rename replaces a symlink at `path` itself rather than writing through it to
 * wherever it points. A reader never sees half a report either.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
