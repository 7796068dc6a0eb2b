import { describe, it } from 'vitest';
import { expectApiKeysKeptOut } from '../kit/sentinel.js';

describe('dialect B keeps credentials out of its answers', () => {
  it('CaseXchange: API keys, known or not', () => expectApiKeysKeptOut('casexchange', 'cxk_sbx_', 'getFirm'));
});
