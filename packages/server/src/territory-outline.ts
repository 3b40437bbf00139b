import type { Area, AreaGeometry, ValidationIssue } from '@gridsweep/core';
import { area as turfArea } from '@turf/area';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { toFeature } from './city/geometry.js';

/** Share of a child's outline that may lie outside its parent's: borders drawn by hand do not meet exactly. */
export const OUTLINE_TOLERANCE = 0.01;

/** The outline an area's own must lie inside: its nearest ancestor's that has one (not every level is drawn). */
function enclosingOutline(area: Pick<Area, 'parentId'>, areaOf: (id: string) => Area | undefined): AreaGeometry | null {
  let parentId = area.parentId;
  while (parentId !== null) {
    const parent = areaOf(parentId);
    if (!parent) return null;
    if (parent.geometry) return parent.geometry;
    parentId = parent.parentId;
  }
  return null;
}

/**
 * Refuses an outline that reaches out of its parent's: one supervisor's
 * community drawn over the whole city would zoom every wall out. Measured
 * as the share of the outline's area outside the enclosing outline.
 */
export function outlineIssue(area: Pick<Area, 'parentId' | 'geometry'>, areaOf: (id: string) => Area | undefined): ValidationIssue | null {
  if (!area.geometry) return null;
  const enclosing = enclosingOutline(area, areaOf);
  if (!enclosing) return null;
  const own = toFeature(area.geometry);
  const ownArea = turfArea(own);
  if (ownArea === 0) return null;
  const inside = intersect(featureCollection([own, toFeature(enclosing)]));
  const outside = 1 - (inside ? turfArea(inside) : 0) / ownArea;
  if (outside <= OUTLINE_TOLERANCE) return null;
  return { field: 'geometry', reason: `must lie inside the parent area's outline (${Math.round(outside * 100)} % of it lies outside)` };
}
