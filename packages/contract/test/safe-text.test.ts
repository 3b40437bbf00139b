import { describe, expect, it } from 'vitest';
import Type from 'typebox';
import { compileCheck, isSafeText, SafeText, SAFE_TEXT_REASON } from '../src/index.js';

const REFUSED = {
  NUL: 'a\u0000b',
  'a lone high surrogate': 'a\ud800b',
  'a lone low surrogate': 'a\udc00b',
  'a high surrogate at the end': 'ab\ud83d',
  LRM: 'a\u200eb',
  RLM: 'a\u200fb',
  'right-to-left override': 'invoice\u202Etxt.exe',
  'left-to-right embedding': 'a\u202Ab',
  'first strong isolate': 'a\u2068b',
  'pop directional isolate': 'a\u2069b',
};

const ACCEPTED = ['张三', '2单元501', 'home sampling: call at 9:00, ask for 林女士', '😷 emoji are surrogate pairs', 'tab\tand\nnewline', ''];

describe('the free-text rule', () => {
  const check = compileCheck(Type.Object({ name: SafeText() }));

  for (const [what, text] of Object.entries(REFUSED)) {
    it(`refuses ${what}, naming the field`, () => {
      expect(isSafeText(text)).toBe(false);
      expect(check({ name: text })).toEqual({ ok: false, issues: [{ field: 'name', reason: SAFE_TEXT_REASON }] });
    });
  }

  it('accepts Chinese, punctuation, line breaks and characters outside the BMP', () => {
    for (const text of ACCEPTED) {
      expect(isSafeText(text), text).toBe(true);
      expect(check({ name: text }).ok, text).toBe(true);
    }
  });

  it('keeps its own length bounds beside the rule', () => {
    const bounded = compileCheck(Type.Object({ reason: SafeText({ minLength: 4, maxLength: 6 }) }));
    expect(bounded({ reason: 'abc' })).toMatchObject({ ok: false, issues: [{ field: 'reason' }] });
    expect(bounded({ reason: 'abcd' }).ok).toBe(true);
  });
});
