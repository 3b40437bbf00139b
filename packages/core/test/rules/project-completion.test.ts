import { describe, expect, it } from 'vitest';
import { CoverageHistory, NUCLEIC_ACID_RULES, projectCompletion } from '../../src/index.js';

const MINUTE = 60_000;
const NOW = Date.UTC(2022, 10, 14, 10);

describe('projectCompletion', () => {
  it('projects when the rest will be visited at the pace of the last window', () => {
    const samples = [
      { at: NOW - 20 * MINUTE, visited: 100 },
      { at: NOW - 10 * MINUTE, visited: 150 },
      { at: NOW, visited: 200 },
    ];
    const projection = projectCompletion(samples, 500, NOW);
    expect(projection.reason).toBe('projected');
    expect(projection.ratePerHour).toBe(300);
    expect(projection.remaining).toBe(300);
    expect(projection.at).toBe(NOW + 60 * MINUTE);
  });

  it.each([
    ['complete', [{ at: NOW - MINUTE, visited: 90 }, { at: NOW, visited: 100 }], 100, NOW],
    ['no-progress', [{ at: NOW - MINUTE, visited: 90 }, { at: NOW, visited: 90 }], 100, null],
    ['too-few-samples', [{ at: NOW, visited: 90 }], 100, null],
    ['too-few-samples', [], 100, null],
  ] as const)('says %s', (reason, samples, toVisit, at) => {
    const projection = projectCompletion(samples, toVisit, NOW);
    expect([projection.reason, projection.at]).toEqual([reason, at]);
  });

  it('ignores samples older than the window', () => {
    const samples = [
      { at: NOW - 120 * MINUTE, visited: 0 },
      { at: NOW - 10 * MINUTE, visited: 100 },
      { at: NOW, visited: 110 },
    ];
    const projection = projectCompletion(samples, 200, NOW);
    expect(projection.ratePerHour).toBe(60);
    expect(projection.window.samples).toBe(2);
  });
});

describe('CoverageHistory', () => {
  it('keeps one sample just outside the window and drops older ones', () => {
    const history = new CoverageHistory(NUCLEIC_ACID_RULES);
    for (let minute = 0; minute <= 90; minute += 10) history.record('mg1', NOW + minute * MINUTE, minute);
    expect(history.samples('mg1').map((s) => s.visited)).toEqual([60, 70, 80, 90]);
    expect(history.project('mg1', 150, NOW + 90 * MINUTE).ratePerHour).toBe(60);
  });

  it('ignores a sample older than the last one', () => {
    const history = new CoverageHistory();
    history.record('mg1', NOW, 5);
    history.record('mg1', NOW - MINUTE, 3);
    expect(history.samples('mg1')).toEqual([{ at: NOW, visited: 5 }]);
  });
});
