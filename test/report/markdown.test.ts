import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownCodeBlock } from '../../src/report/escape.js';
import { cellSummary } from '../../src/report/format.js';
import { buildMatrix } from '../../src/report/matrix.js';
import { CHECKLIST_PATHS, pathTitle } from '../../src/report/paths.js';
import { redactRunResult } from '../../src/report/redact.js';
import { renderMarkdown } from '../../src/report/reporters/markdown.js';
import { fixtureResult, HOSTILE_BODY, narrowedFixture } from './fixtures.js';

/** The cells of a Markdown table row, with escaped pipes kept inside their cell. */
function cellsOf(line: string): string[] {
  return line
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('the Markdown summary', () => {
  const result = fixtureResult();
  const markdown = renderMarkdown(result);
  const lines = markdown.split('\n');

  it('opens with the number of failed checks as its heading', () => {
    expect(lines[0]).toBe(`## ✗ error-contracts: ${result.totals.fail} checks failed`);
  });

  it('has the matrix as a table: one column per vendor, one row per path, every cell as the terminal shows it', () => {
    const matrix = buildMatrix(result);
    const header = lines.find((line) => line.startsWith('| Path |'));
    expect(header && cellsOf(header)).toEqual(['Path', ...result.vendors.map((vendor) => vendor.name)]);
    for (const row of matrix.rows) {
      const line = lines.find((candidate) =>
        candidate.startsWith(`| ${escapeMarkdown(pathTitle(row.path))} |`),
      );
      expect(line && cellsOf(line).length, row.path.id).toBe(result.vendors.length + 1);
      expect(line && cellsOf(line).slice(1), row.path.id).toEqual(
        row.cells.map((cell) => escapeMarkdown(cellSummary(cell))),
      );
    }
  });

  it('gives the totals and figures', () => {
    expect(markdown).toContain(`**Requests sent:** ${result.requests}`);
    expect(markdown).toContain('**Simulated waiting verified:** 37.6 s');
  });

  it('lists each failed check by vendor and check id, with every expected and actual value', () => {
    // The summary shows messages as every reporter does: with credentials redacted.
    for (const vendor of redactRunResult(result).vendors) {
      for (const check of vendor.checks.filter((candidate) => candidate.outcome === 'fail')) {
        const heading = `#### ✗ ${vendor.name} › \`${check.id}\``;
        expect(markdown).toContain(heading);
        const section = markdown.slice(markdown.indexOf(heading)).split('\n#### ')[0] ?? '';
        for (const failure of check.failures) {
          expect(section).toContain(`**${escapeMarkdown(failure.message)}**`);
          if (typeof failure.expected === 'number')
            expect(section).toContain(`expected: ${failure.expected}`);
          if (typeof failure.actual === 'number') expect(section).toContain(`actual:   ${failure.actual}`);
        }
      }
    }
    expect(markdown).toMatch(/```text\nexpected: 422\nactual: {3}400\n```/);
  });

  it('lists drift with its check id and JSON pointer, and folds the checks that did not run', () => {
    expect(markdown).toContain('### Drift (tolerated differences from the docs)');
    expect(markdown).toMatch(
      /- ! .+ › `conflict\.duplicate`: member not in the schema: hint \(`\/error\/hint`\)/,
    );
    expect(markdown).toMatch(/<details><summary>Not run \(\d+\)<\/summary>/);
    expect(markdown).toContain('documents no rate limit');
  });

  it('says so in the heading when nothing failed', () => {
    const clean = fixtureResult();
    for (const vendor of clean.vendors) {
      vendor.checks = vendor.checks.filter((check) => check.outcome !== 'fail' && check.outcome !== 'drift');
    }
    clean.totals = { ...clean.totals, fail: 0, drift: 0 };
    expect(renderMarkdown(clean).split('\n')[0]).toBe(
      '## ✓ error-contracts: every check behaved as documented',
    );
  });

  it('carries markup and table syntax from the API as text', () => {
    const hostile = fixtureResult();
    const check = hostile.vendors[0]?.checks[1];
    if (check?.outcome === 'fail') {
      check.failures = [
        { message: `a | b <img src=x> **bold** ${HOSTILE_BODY}`, actual: 'x\n```\n# heading' },
      ];
    }
    const text = renderMarkdown(hostile);
    expect(text).not.toMatch(/<img|<script/);
    expect(text).toContain('a \\| b &lt;img src=x&gt; \\*\\*bold\\*\\*');
    // The value's own fence cannot close the block it sits in.
    expect(text).toContain('````text\nactual:   x\n          ```\n          # heading\n````');
  });
});

describe('the Markdown summary of a run narrowed with --only', () => {
  const result = narrowedFixture();
  const lines = renderMarkdown(result).split('\n');
  const tableRows = (text: string[]) =>
    text.filter((line) => line.startsWith('| ') && !line.startsWith('| Path |') && !line.startsWith('| ---'));

  it('has a matrix row for each path its checks cover and none for the others, where a full run has them all', () => {
    const ran = new Set(result.vendors.flatMap((vendor) => vendor.checks.map((check) => check.path)));
    expect(ran.size).toBe(1);
    const shown = CHECKLIST_PATHS.filter((path) => ran.has(path.id)).map((path) =>
      escapeMarkdown(pathTitle(path)),
    );
    expect(tableRows(lines).map((line) => cellsOf(line)[0])).toEqual(shown);
    expect(tableRows(renderMarkdown(fixtureResult()).split('\n'))).toHaveLength(CHECKLIST_PATHS.length);
  });

  it('names the checks it was narrowed to among the figures', () => {
    const figures = lines.find((line) => line.startsWith('**Checks:**'));
    expect(figures).toContain(`**Only:** \`${result.only?.[0]}\``);
    expect(renderMarkdown(fixtureResult())).not.toContain('**Only:**');
  });
});

describe('Markdown escaping', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<b>&', '&lt;b&gt;&amp;'],
    ['line\nbreak', 'line break'],
    ['`code` *em* _u_ [link](x) ~s~ \\', '\\`code\\` \\*em\\* \\_u\\_ \\[link\\](x) \\~s\\~ \\\\'],
  ])('makes %j inline text', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });

  it('fences a block with more backticks than any run inside it', () => {
    expect(markdownCodeBlock('plain')).toBe('```text\nplain\n```');
    expect(markdownCodeBlock('a ````` b')).toBe('``````text\na ````` b\n``````');
  });
});
