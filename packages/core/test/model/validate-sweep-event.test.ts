import { describe, expect, it } from 'vitest';
import { NUCLEIC_ACID_TEMPLATE, uuidV7, validateSweepEvent, type SweepEventContext } from '../../src/index.js';
import { smallTerritory } from './fixtures.js';

const NOW = Date.UTC(2022, 10, 14, 9, 0);
const context: SweepEventContext = {
  templateOfRound: (roundId) => (roundId === 'r1114' ? NUCLEIC_ACID_TEMPLATE : undefined),
  territory: smallTerritory(),
  now: NOW,
};
const householdEvent = {
  id: uuidV7(NOW - 1000),
  deviceTime: NOW - 1000,
  roundId: 'r1114',
  workerId: 'w1',
  householdId: 'h1',
  values: { outcome: 'visited' },
};
const memberEvent = { ...householdEvent, memberId: 'm1', values: { test: 'tested', code: 'green' } };

describe('validateSweepEvent', () => {
  it('accepts a household visit', () => {
    expect(validateSweepEvent(householdEvent, context)).toEqual({ ok: true, value: householdEvent });
  });

  it('accepts a member observation', () => {
    expect(validateSweepEvent(memberEvent, context)).toEqual({ ok: true, value: memberEvent });
  });

  it.each([
    { rule: 'a missing id is named', input: { ...householdEvent, id: undefined }, field: 'id' },
    { rule: 'a UUID v4 is not a device-made v7 id', input: { ...householdEvent, id: '3b241101-e2bb-4255-8caf-4136c566a962' }, field: 'id' },
    { rule: 'an upper-case id is refused so that retries compare equal', input: { ...householdEvent, id: householdEvent.id.toUpperCase() }, field: 'id' },
    { rule: 'a device time given as text is the wrong type', input: { ...householdEvent, deviceTime: '2022-11-14' }, field: 'deviceTime' },
    { rule: 'a device time more than a day ahead is refused', input: { ...householdEvent, deviceTime: NOW + 2 * 86_400_000 }, field: 'deviceTime' },
    { rule: 'a device time before 2000 is refused', input: { ...householdEvent, deviceTime: 0 }, field: 'deviceTime' },
    { rule: 'an unknown round is refused', input: { ...householdEvent, roundId: 'r0101' }, field: 'roundId' },
    { rule: 'a missing worker is named', input: { ...householdEvent, workerId: undefined }, field: 'workerId' },
    { rule: 'an unknown household dangles', input: { ...householdEvent, householdId: 'h404' }, field: 'householdId' },
    { rule: 'an unknown member dangles', input: { ...memberEvent, memberId: 'm404' }, field: 'memberId' },
    { rule: 'missing values are named', input: { ...householdEvent, values: undefined }, field: 'values' },
    { rule: 'empty values record nothing', input: { ...householdEvent, values: {} }, field: 'values' },
    { rule: 'values given as a list are the wrong type', input: { ...householdEvent, values: ['visited'] }, field: 'values' },
    { rule: 'an unknown outcome is refused', input: { ...householdEvent, values: { outcome: 'maybe' } }, field: 'values.outcome' },
    { rule: 'a member field on a household event is refused', input: { ...householdEvent, values: { test: 'tested' } }, field: 'values.test' },
    { rule: 'a household field on a member event is refused', input: { ...memberEvent, values: { outcome: 'visited' } }, field: 'values.outcome' },
    { rule: 'an unknown code colour is refused', input: { ...memberEvent, values: { code: 'purple' } }, field: 'values.code' },
    { rule: 'an unknown top-level field is refused', input: { ...householdEvent, gps: [0, 0] }, field: 'gps' },
  ])('$rule', ({ input, field }) => {
    const result = validateSweepEvent(input, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });

  it('refuses a member who belongs to another household', () => {
    const territory = smallTerritory();
    territory.addHousehold({ id: 'h2', buildingId: 'b5', unit: 1, floor: 1, room: '101', vacant: false });
    const result = validateSweepEvent({ ...memberEvent, householdId: 'h2' }, { ...context, territory });
    expect(result).toMatchObject({ ok: false, issues: [{ field: 'memberId' }] });
  });

  it('checks only shape and template when no roster is given', () => {
    const withoutRoster: SweepEventContext = { templateOfRound: (roundId) => context.templateOfRound(roundId) };
    expect(validateSweepEvent({ ...householdEvent, householdId: 'h404' }, withoutRoster).ok).toBe(true);
  });
});
