import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/write-reports.js';
import { fixtureResult } from './fixtures.js';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ec-reports-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes junit.xml, results.json and report.html into a new directory and returns their paths', async () => {
    const out = join(scratch(), 'nested', 'out');
    const written = await writeReports(fixtureResult(), out, ['junit', 'json', 'html']);
    expect(written).toEqual([
      { reporter: 'junit', path: join(out, 'junit.xml') },
      { reporter: 'json', path: join(out, 'results.json') },
      { reporter: 'html', path: join(out, 'report.html') },
    ]);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('writes only the reports asked for, each once', async () => {
    const out = scratch();
    await writeReports(fixtureResult(), out, ['json', 'json']);
    expect(readdirSync(out)).toEqual(['results.json']);
  });

  it('writes nothing when the result fails validation', async () => {
    const out = join(scratch(), 'out');
    const result = fixtureResult();
    result.totals.fail = 99;
    await expect(writeReports(result, out, ['html', 'json'])).rejects.toThrow(/totals\/fail/);
    expect(existsSync(out)).toBe(false);
  });
});
