import { DEFAULT_LEVELS } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { trailAbove, type ViewStep } from '../src/lib/live/view-trail.js';

const trail: ViewStep[] = [
  { id: 'd', name: '鼓楼区', level: 'district' },
  { id: 's', name: '东街街道', level: 'street' },
  { id: 'cm', name: '三坊社区', level: 'community' },
];

describe('trailAbove', () => {
  it('keeps the whole breadcrumb when a deeper level is chosen', () => {
    expect(trailAbove(trail, DEFAULT_LEVELS, 'microgrid')).toEqual(trail);
  });

  it('drops the steps at or below a coarser level, so the map is never empty', () => {
    expect(trailAbove(trail, DEFAULT_LEVELS, 'street').map((step) => step.id)).toEqual(['d']);
  });

  it('leaves a micro-grid whose buildings were shown when micro-grids are chosen again', () => {
    const intoBuildings = [...trail, { id: 'mg', name: '3-2微网格', level: 'microgrid' }];
    expect(trailAbove(intoBuildings, DEFAULT_LEVELS, 'microgrid')).toEqual(trail);
  });
});
