import { describe, expect, it } from 'vitest';
import { renderAnnotations } from '../../src/report/reporters/github.js';
import { renderTerminalSummary } from '../../src/report/reporters/terminal.js';
import type { RunResult } from '../../src/report/result.js';
import { singleLine, withVisibleControls } from '../../src/text/single-line.js';
import { cli } from '../helpers/run-cli-captured.js';
import { fixtureResult } from '../report/fixtures.js';

/** What a hostile vendor or cassette may put in a message meant for a terminal. */
const HOSTILE = {
  clipboard: '\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007',
  cursorUp: '\u001b[1A\u001b[2K✓ pass',
  c1Csi: '\u009b2J',
  bidi: 'safe\u202Eexe.txt',
  nul: 'a\u0000b',
  del: 'a\u007fb',
  lineBreaks: 'one\r\ntwo\u2028three',
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what these tests look for.
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ANY_CONTROL_BUT_LINE_FEED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what these tests look for.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('text shown in a terminal, a log or an annotation', () => {
  it.each(Object.entries(HOSTILE))('shows %s as visible escapes, on one line', (_name, text) => {
    const shown = singleLine(text);
    expect(shown).not.toMatch(ANY_CONTROL);
    // Shown, not dropped: a reader can still tell something was there.
    expect(shown.length).toBeGreaterThan(text.length);
  });

  it('names the common escapes and spells the rest as \\u codes', () => {
    expect(singleLine('a\tb\r\nc\u001b[2J\u009b')).toBe('a\\tb\\r\\nc\\u001b[2J\\u009b');
  });

  it('keeps a message’s own line feeds when asked, and still shows every other control', () => {
    expect(withVisibleControls(`first\nsecond ${HOSTILE.clipboard}`)).toBe(
      'first\nsecond \\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\\u0007',
    );
  });

  function hostileResult(): RunResult {
    const result = fixtureResult();
    const check = result.vendors[0]?.checks.find((candidate) => candidate.outcome === 'fail');
    if (!check) throw new Error('the fixture has no failed check');
    check.title = `Title ${HOSTILE.cursorUp}`;
    check.failures = [{ message: `message ${HOSTILE.clipboard}`, expected: 422, actual: HOSTILE.c1Csi }];
    check.drift = [{ message: `drift ${HOSTILE.bidi}`, path: HOSTILE.nul }];
    return result;
  }

  it('reach the terminal summary with no control character (colour off)', () => {
    const text = renderTerminalSummary(hostileResult(), { tty: false });
    expect(text).toContain('\\u001b]52;c;');
    expect(text).not.toMatch(ANY_CONTROL_BUT_LINE_FEED);
  });

  it('reach GitHub annotations with no control character', () => {
    const text = renderAnnotations(hostileResult());
    expect(text).toContain('\\u001b]52;c;');
    expect(text).not.toMatch(ANY_CONTROL_BUT_LINE_FEED);
  });

  it('reach a CLI error message with no control character', async () => {
    const { stderr } = await cli([`frob${HOSTILE.cursorUp}`]);
    expect(stderr).toContain('\\u001b[1A');
    expect(stderr).not.toMatch(ANY_CONTROL_BUT_LINE_FEED);
  });

  it('keep a usage error that quotes a flag value on one line, so it cannot forge a workflow command', async () => {
    const { stderr } = await cli(['catalog', 'acme\n::error::forged']);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('acme\\n::error::forged');
  });
});
