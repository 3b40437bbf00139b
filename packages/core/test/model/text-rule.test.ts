import { describe, expect, it } from 'vitest';
import { SAFE_TEXT_PATTERN, textProblem } from '../../src/index.js';

describe('the text rule', () => {
  it.each([
    ['a NUL', 'a\u0000b', 'NUL'],
    ['a lone high surrogate', 'a\ud800b', 'surrogate'],
    ['a lone low surrogate', '\udc00', 'surrogate'],
    ['a right-to-left override', '张\u202e三', 'bidirectional'],
    ['a left-to-right isolate', '\u2066x', 'bidirectional'],
  ])('refuses %s, and the schema pattern refuses it too', (_, text, word) => {
    expect(textProblem(text)).toMatch(word);
    expect(new RegExp(SAFE_TEXT_PATTERN, 'u').test(text)).toBe(false);
    expect(new RegExp(SAFE_TEXT_PATTERN).test(text)).toBe(false);
  });

  it.each(['张三', 'Zhang San', '😀 family', '2单元501', ''])('lets %j through', (text) => {
    expect(textProblem(text)).toBeNull();
    expect(new RegExp(SAFE_TEXT_PATTERN, 'u').test(text)).toBe(true);
  });
});
