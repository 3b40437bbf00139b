import { levelIndex, type Levels } from '@gridsweep/core';

/** One step of the breadcrumb: an area drilled into. */
export interface ViewStep {
  readonly id: string;
  readonly name: string;
  readonly level: string;
}

/**
 * The part of a breadcrumb that still makes sense when the map switches to
 * `level`: only areas above that level can hold its areas, so deeper steps
 * (and a micro-grid whose buildings were shown) are dropped.
 */
export function trailAbove(trail: readonly ViewStep[], levels: Levels, level: string): readonly ViewStep[] {
  const depth = levelIndex(levels, level);
  return trail.filter((step) => levelIndex(levels, step.level) < depth);
}
