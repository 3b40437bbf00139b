import { describe, expect, it } from 'vitest';
import type { SweepEvent } from '@gridsweep/core';
import { cityTerritory, ROOT_AREA_ID } from '../../src/city/index.js';
import { NO_FAULTS, simulateMorning } from '../../src/simulator/index.js';

const territory = cityTerritory({ seed: 7, scale: 'tiny' });
const round = { id: 'r1', areaId: ROOT_AREA_ID, startsAt: Date.UTC(2022, 10, 14, 0, 0) };
const MINUTE = 60_000;

describe('fault injection', () => {
  const faults = { duplicate: 0.1, outOfOrder: 0.1, offline: 0.5, correction: 0.1 };
  const morning = simulateMorning({ territory, round, seed: 5, faults });
  const clean = simulateMorning({ territory, round, seed: 5, faults: NO_FAULTS });

  it('sends about the duplicate rate of events twice, identical both times', () => {
    const sent = new Map<string, SweepEvent[]>();
    for (const { event } of morning.deliveries) sent.set(event.id, [...(sent.get(event.id) ?? []), event]);
    const twice = [...sent.values()].filter((copies) => copies.length > 1);
    expect(twice.length / sent.size).toBeGreaterThan(0.05);
    expect(twice.length / sent.size).toBeLessThan(0.15);
    for (const [first, second] of twice) expect(second).toEqual(first);
    expect(morning.deliveries.filter((d) => d.fault === 'duplicate')).toHaveLength(twice.length);
  });

  it("delivers some of a team's events after events it recorded later", () => {
    const latest = new Map<string, number>();
    let overtaken = 0;
    for (const { event, fault } of morning.deliveries) {
      if (fault === 'duplicate') continue;
      if (event.deviceTime < (latest.get(event.workerId) ?? -Infinity)) overtaken++;
      latest.set(event.workerId, Math.max(event.deviceTime, latest.get(event.workerId) ?? -Infinity));
    }
    expect(overtaken).toBeGreaterThan(0);
  });

  it('lets an offline team send what it recorded in one burst when it reconnects', () => {
    const bursts = new Map<string, { at: number; deviceTime: number }[]>();
    for (const { event, at, fault } of morning.deliveries) {
      if (fault !== 'offline_burst') continue;
      bursts.set(event.workerId, [...(bursts.get(event.workerId) ?? []), { at, deviceTime: event.deviceTime }]);
    }
    expect(bursts.size).toBeGreaterThan(0);
    const largest = [...bursts.values()].sort((a, b) => b.length - a.length)[0]!;
    expect(largest.length).toBeGreaterThan(3);
    const arrivals = largest.map((d) => d.at);
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(MINUTE);
    // Nothing of the stretch went out before the signal came back, after the last of it was recorded.
    expect(Math.min(...arrivals)).toBeGreaterThan(Math.max(...largest.map((d) => d.deviceTime)));
  });

  it('records some tested members first as not tested, then corrects them later', () => {
    const byMember = new Map<string, SweepEvent[]>();
    for (const { event, fault } of morning.deliveries) {
      if (event.memberId === undefined || fault === 'duplicate') continue;
      byMember.set(event.memberId, [...(byMember.get(event.memberId) ?? []), event]);
    }
    const corrected = [...byMember.values()].filter((events) => events.length === 2);
    expect(corrected.length).toBeGreaterThan(0);
    for (const events of corrected) {
      const [first, second] = [...events].sort((a, b) => a.deviceTime - b.deviceTime);
      expect(first!.values['test']).toBe('not_tested');
      expect(second!.values['test']).toBe('tested');
      expect(second!.deviceTime).toBeGreaterThan(first!.deviceTime);
      expect(second!.id).not.toBe(first!.id);
    }
  });

  it('injects none of them when every rate is zero', () => {
    expect(clean.deliveries.every((d) => d.fault === null)).toBe(true);
    const memberEvents = clean.deliveries.flatMap((d) => (d.event.memberId ? [d.event.memberId] : []));
    expect(new Set(memberEvents).size).toBe(memberEvents.length);
  });

  it('refuses a rate outside 0..1, naming it', () => {
    expect(() => simulateMorning({ territory, round, seed: 5, faults: { duplicate: 2 } })).toThrow(/faults\.duplicate/);
  });
});
