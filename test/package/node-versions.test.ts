import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const read = (name: string) => readFileSync(join(repoRoot, name), 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

/** The text of a README section, from its heading to the next heading of the same level or above. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" section.`);
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const rest = markdown.slice(start + heading.length);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

/** A lower bound stated on its own ("Node >= 20.19"), which says less than the engines range. */
const LOOSE_BOUND = /(?:>=|≥)\s*\d+(?:\.\d+)?/;
/** Lines joined, and a YAML comment's `#` dropped, so a range wrapped over two lines reads as one. */
const flat = (text: string) => text.replace(/\s*\n#?\s*/g, ' ');

describe('the supported Node versions, where a user reads them', () => {
  const readme = read('README.md');
  const actionHeader = read('action.yml')
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .join('\n');
  const places: Array<[string, string]> = [
    ['action.yml header', actionHeader],
    ['README "Use in GitHub Actions"', section(readme, '## Use in GitHub Actions')],
    ['README "Why these versions"', section(readme, '### Why these versions')],
  ];

  it.each(places)('%s quotes package.json engines', (_place, text) => {
    expect(flat(text)).toContain(engines);
  });

  it.each(places)('%s states no looser bound of its own', (_place, text) => {
    expect(flat(text).replace(engines, '')).not.toMatch(LOOSE_BOUND);
  });
});
