import {
  BUILT_IN_RULES,
  BUILT_IN_TEMPLATES,
  DEFAULT_LEVELS,
  ELDERLY_VACCINATION_RULES,
  ELDERLY_VACCINATION_TEMPLATE,
  evaluateArea,
  NUCLEIC_ACID_RULES,
  NUCLEIC_ACID_TEMPLATE,
  packCounts,
  uuidV7,
  type AreaCounts,
  type SweepEvent,
} from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import {
  AreaCountsSchema,
  AreaEvaluationSchema,
  CampaignTemplateSchema,
  compileCheck,
  CountingRulesSchema,
  LevelsSchema,
  PackedCountsSchema,
  SweepEventSchema,
} from '../src/index.js';

// The compile-time checks beside each schema hold the types together; these
// hold the values together: what the core makes passes the contract's checks.

const COUNTS: AreaCounts = {
  households: { total: 103, toVisit: 100, visited: 80, noAnswer: 5, refused: 1, vacant: 3 },
  members: { total: 240, eligible: 220, done: 200, exempt: 12, away: 8, reached: 190 },
  markers: { green: 230, yellow: 6, red: 1, unknown: 3 },
  specialGroups: { elderly_alone: { total: 4, notVisited: 1, notDone: 2 } },
};

describe("the contract's schemas and the core's values", () => {
  it("accept an area's counts and the core's evaluation of them", () => {
    expect(compileCheck(AreaCountsSchema)(COUNTS)).toEqual({ ok: true, value: COUNTS });
    expect(compileCheck(AreaEvaluationSchema)(evaluateArea(COUNTS, NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES)).ok).toBe(true);
    expect(compileCheck(AreaEvaluationSchema)(evaluateArea(COUNTS, ELDERLY_VACCINATION_TEMPLATE, ELDERLY_VACCINATION_RULES)).ok).toBe(true);
  });

  it('accept an evaluation of an area with nothing to measure, whose ratios are null', () => {
    const empty: AreaCounts = {
      households: { total: 0, toVisit: 0, visited: 0, noAnswer: 0, refused: 0, vacant: 0 },
      members: { total: 0, eligible: 0, done: 0, exempt: 0, away: 0, reached: 0 },
      markers: {},
      specialGroups: {},
    };
    expect(compileCheck(AreaEvaluationSchema)(evaluateArea(empty, NUCLEIC_ACID_TEMPLATE, NUCLEIC_ACID_RULES)).ok).toBe(true);
  });

  it('accept the built-in templates, rules and levels, and refuse a measure that names no count', () => {
    for (const template of BUILT_IN_TEMPLATES) expect(compileCheck(CampaignTemplateSchema)(template), template.id).toEqual({ ok: true, value: template });
    for (const rules of BUILT_IN_RULES) expect(compileCheck(CountingRulesSchema)(rules), rules.id).toEqual({ ok: true, value: rules });
    expect(compileCheck(LevelsSchema)(DEFAULT_LEVELS).ok).toBe(true);
    const measure = { id: 'x', kind: 'share', name: { zh: 'x', en: 'x' }, numerator: 'members.tested', denominator: 'members.total' };
    const check = compileCheck(CampaignTemplateSchema, { firstIssueOnly: true });
    expect(check({ ...NUCLEIC_ACID_TEMPLATE, measures: [measure] })).toMatchObject({ ok: false, issues: [{ field: 'measures.0.numerator' }] });
  });

  it('accept counts packed for the socket', () => {
    expect(compileCheck(PackedCountsSchema)(packCounts([['a', COUNTS], ['b', COUNTS]])).ok).toBe(true);
  });

  it('accept a sweep event the way a device makes it, and refuse one with an upper-case id', () => {
    const event: SweepEvent = { id: uuidV7(), deviceTime: Date.UTC(2022, 10, 14, 9), roundId: 'r1', workerId: 'w7', householdId: 'h1', values: { outcome: 'visited' } };
    const check = compileCheck(SweepEventSchema);
    expect(check(event).ok).toBe(true);
    expect(check({ ...event, id: event.id.toUpperCase() })).toMatchObject({ ok: false, issues: [{ field: 'id', reason: 'must be a lowercase UUID v7' }] });
  });
});
