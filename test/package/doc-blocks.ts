import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The TypeScript examples of the README and the guides, as files a compiler can check. A block
 * that uses names it does not define (a response `res`, the user's `body`) says what they are in an
 * HTML comment right above it, which a reader of the rendered page does not see:
 *
 *   <!-- typecheck: declare const res: Response; declare const body: Uint8Array; -->
 *
 * The comment's text is put before the block's code. `<!-- typecheck: skip, <why> -->` leaves a
 * block out, saying why; every block is compiled otherwise.
 */
export interface DocBlock {
  /** Where the block's first line of code is, for messages: `docs/running.md:323`. */
  where: string;
  file: string;
  /** 1-based line of the block's first line of code in the markdown file. */
  line: number;
  /** What the marker put before the code ('' when none). */
  preamble: string;
  code: string;
  /** Why the block is left out, when its marker says so. */
  skipped?: string;
}

const FENCE = /^```(?:ts|typescript)\s*$/;
const MARKER = /<!--\s*typecheck:\s*([\s\S]*?)-->\s*$/;

export function tsBlocks(markdown: string, file: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!FENCE.test(lines[index] ?? '')) continue;
    const end = lines.findIndex((line, at) => at > index && /^```\s*$/.test(line));
    if (end === -1) throw new Error(`${file}:${index + 1}: a TypeScript block that never closes`);
    // The marker is the comment that ends on the line above the fence (it may span lines).
    const above = lines.slice(Math.max(0, index - 6), index).join('\n');
    const marker = MARKER.exec(above)?.[1]?.trim() ?? '';
    const skip = /^skip\b[,:\s]*(.*)$/s.exec(marker);
    blocks.push({
      where: `${file}:${index + 2}`,
      file,
      line: index + 2,
      preamble: skip ? '' : marker,
      code: lines.slice(index + 1, end).join('\n'),
      ...(skip ? { skipped: skip[1] || 'no reason given' } : {}),
    });
    index = end;
  }
  return blocks;
}

/** README.md and every page under docs/, in a stable order. */
export function documentationFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name))
    .sort();
  return [join(root, 'README.md'), ...docs];
}

export function documentationBlocks(root: string): DocBlock[] {
  return documentationFiles(root).flatMap((path) =>
    tsBlocks(readFileSync(path, 'utf8'), relative(root, path).split('\\').join('/')),
  );
}

/**
 * One module per block: the preamble, then the code. `export {}` makes a block without imports a
 * module too, so blocks never see each other's names.
 */
export function blockModule(block: DocBlock): { text: string; codeStartsAt: number } {
  const preamble = block.preamble ? `${block.preamble}\n` : '';
  return {
    text: `${preamble}${block.code}\nexport {};\n`,
    codeStartsAt: preamble.split('\n').length,
  };
}
