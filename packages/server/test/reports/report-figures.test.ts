import {
  ELDERLY_VACCINATION_RULES,
  ELDERLY_VACCINATION_TEMPLATE,
  evaluateArea,
  NUCLEIC_ACID_RULES,
  NUCLEIC_ACID_TEMPLATE,
  type AreaCounts,
  type CampaignTemplate,
  type CountingRules,
} from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { reportFigures } from '../../src/reports/report-figures.js';

function counts(visited: number, done: number, red: number): AreaCounts {
  return {
    households: { total: 100, toVisit: 98, visited, noAnswer: 3, refused: 1, vacant: 2 },
    members: { total: 250, eligible: 240, done, exempt: 4, away: 6, reached: done + 10 },
    markers: { green: done - red, yellow: 0, red },
    specialGroups: { elderly_alone: { total: 5, notVisited: 2, notDone: 3 } },
  };
}

const CASES: [string, CampaignTemplate, CountingRules][] = [
  ['nucleic acid', NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES],
  ['elderly vaccination', ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES],
];

describe('the report figures', () => {
  it.each(CASES)("are evaluateArea's shares, colour and goal for the %s campaign, from nothing done to everything", (_name, template, rules) => {
    for (const area of [counts(0, 0, 0), counts(40, 90, 0), counts(97, 239, 0), counts(98, 240, 1), { ...counts(0, 0, 0), households: { ...counts(0, 0, 0).households, toVisit: 0 } }]) {
      const evaluation = evaluateArea(area, template, rules);
      const figures = reportFigures(area, template, rules);
      expect(figures.shares).toEqual(Object.fromEntries(Object.entries(evaluation.shares).map(([id, share]) => [id, share.value])));
      expect(figures.colour).toBe(evaluation.colour.colour);
      expect(figures.goal).toBe(evaluation.goal?.value ?? false);
    }
  });
});
