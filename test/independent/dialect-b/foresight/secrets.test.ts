import { describe, it } from 'vitest';
import { expectApiKeysKeptOut } from '../kit/sentinel.js';

describe('dialect B keeps credentials out of its answers', () => {
  it('Foresight: API keys, known or not', () => expectApiKeysKeptOut('foresight', 'fs_test_', 'getClaim'));
});
