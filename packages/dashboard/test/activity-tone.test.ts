import { ELDERLY_VACCINATION_TEMPLATE, NUCLEIC_ACID_TEMPLATE } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { activityTone } from '../src/lib/live/activity-tone.js';

describe('activityTone', () => {
  it("reads a test round's doors and records by what their options count as", () => {
    expect(['visited', 'no_answer', 'refused', 'moved', 'tested', 'not_tested', 'exempt', 'red', 'yellow', 'green'].map((id) => activityTone(NUCLEIC_ACID_TEMPLATE, id))).toEqual([
      'good',
      'warning',
      'alert',
      'neutral',
      'good',
      'warning',
      'neutral',
      'alert',
      'warning',
      'good',
    ]);
  });

  it("reads a census round's records by its own options", () => {
    expect(['two', 'one', 'contraindicated', 'wants'].map((id) => activityTone(ELDERLY_VACCINATION_TEMPLATE, id))).toEqual(['good', 'warning', 'neutral', 'warning']);
  });

  it('stays neutral for an option it does not know, or before the template is known', () => {
    expect(activityTone(NUCLEIC_ACID_TEMPLATE, 'something-new')).toBe('neutral');
    expect(activityTone(null, 'visited')).toBe('neutral');
  });
});
