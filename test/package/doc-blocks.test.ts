import { describe, expect, it } from 'vitest';
import { blockModule, tsBlocks } from './doc-blocks.js';

const page = [
  '# Title',
  '',
  '```ts',
  "import { a } from 'x';",
  '```',
  '',
  '<!-- typecheck: declare const res: Response;',
  '  declare const body: string; -->',
  '```ts',
  'use(res, body);',
  '```',
  '',
  '<!-- typecheck: skip, shows a compile error on purpose -->',
  '```ts',
  'const never: never = 1;',
  '```',
  '',
  '```sh',
  'npm test',
  '```',
].join('\n');

describe('TypeScript blocks in markdown', () => {
  const blocks = tsBlocks(page, 'page.md');

  it('finds every ts block with the line its code starts on, and no other kind of block', () => {
    expect(blocks.map((block) => [block.where, block.code])).toEqual([
      ['page.md:4', "import { a } from 'x';"],
      ['page.md:10', 'use(res, body);'],
      ['page.md:15', 'const never: never = 1;'],
    ]);
  });

  it('takes the marker comment right above a block, over several lines, as its preamble', () => {
    expect(blocks[0]?.preamble).toBe('');
    expect(blocks[1]?.preamble).toBe('declare const res: Response;\n  declare const body: string;');
  });

  it('leaves out a block marked skip, keeping the reason', () => {
    expect(blocks[2]?.skipped).toBe('shows a compile error on purpose');
  });

  it('makes each block a module of its own, and knows where the code starts in it', () => {
    const { text, codeStartsAt } = blockModule(blocks[1] as (typeof blocks)[number]);
    expect(text.split('\n')[codeStartsAt - 1]).toBe('use(res, body);');
    expect(text).toMatch(/export \{\};\n$/);
  });
});
