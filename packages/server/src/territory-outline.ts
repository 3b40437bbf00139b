import type { Area, AreaGeometry, ValidationIssue } from '@gridsweep/core';
import { area as turfArea } from '@turf/area';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { toFeature } from './city/geometry.js';

/** Share of a child's outline that may lie outside its parent's: borders drawn by hand do not meet exactly. */
export const OUTLINE_TOLERANCE = 0.01;

/** How far an outline reaches out of the one it must lie inside. */
export interface OutlineEscape {
  /** The nearest ancestor with an outline. */
  readonly enclosing: Area;
  /** Share of the outline's area outside the enclosing one, from 0 to 1. */
  readonly outside: number;
}

/** The area whose outline an area's own must lie inside: its nearest ancestor that has one (not every level is drawn). */
function enclosingArea(area: Pick<Area, 'parentId'>, areaOf: (id: string) => Area | undefined): Area | null {
  let parentId = area.parentId;
  while (parentId !== null) {
    const parent = areaOf(parentId);
    if (!parent) return null;
    if (parent.geometry) return parent;
    parentId = parent.parentId;
  }
  return null;
}

/** The share of the child's area that lies outside the parent: 0 when wholly inside. */
function shareOutside(child: AreaGeometry, parent: AreaGeometry): number {
  const own = toFeature(child);
  const ownArea = turfArea(own);
  if (ownArea === 0) return 0;
  const inside = intersect(featureCollection([own, toFeature(parent)]));
  return 1 - (inside ? turfArea(inside) : 0) / ownArea;
}

/**
 * The one outline check of every write path (the API, imports): an outline
 * reaching out of its enclosing one by more than the tolerance escapes it.
 * One supervisor's community drawn over the whole city would zoom every wall
 * out.
 */
export function outlineEscape(
  area: Pick<Area, 'parentId' | 'geometry'>,
  areaOf: (id: string) => Area | undefined,
  tolerance = OUTLINE_TOLERANCE,
): OutlineEscape | null {
  if (!area.geometry) return null;
  const enclosing = enclosingArea(area, areaOf);
  if (!enclosing) return null;
  const outside = shareOutside(area.geometry, enclosing.geometry!);
  return outside > tolerance ? { enclosing, outside } : null;
}

/** The API's answer to an escaping outline, as a validation issue on `geometry`. */
export function outlineIssue(area: Pick<Area, 'parentId' | 'geometry'>, areaOf: (id: string) => Area | undefined): ValidationIssue | null {
  const escape = outlineEscape(area, areaOf);
  if (!escape) return null;
  return { field: 'geometry', reason: `must lie inside the parent area's outline (${Math.round(escape.outside * 100)} % of it lies outside)` };
}
