import type { AreaGeometry, Position } from '@gridsweep/core';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { Delaunay } from 'd3-delaunay';
import { boundingBox, containsPoint, toAreaGeometry, toFeature, type PolygonalFeature } from './geometry.js';
import type { Random } from './random.js';

// More candidates spread the sites more evenly (Mitchell's best-candidate
// sampling), which gives cells of similar size without Lloyd relaxation.
const CANDIDATES_PER_SITE = 10;
const TRIES_PER_CANDIDATE = 500;

/**
 * Cuts a parent area into `count` children that tile it exactly: Voronoi
 * cells of sites inside the parent, each intersected with the parent. Cells
 * of one diagram do not overlap and cover the plane, so their pieces inside
 * the parent cover it with neither gaps nor overlaps.
 */
export function subdivide(parent: AreaGeometry, count: number, random: Random): AreaGeometry[] {
  if (count <= 1) return [parent];
  const parentFeature = toFeature(parent);
  const box = boundingBox(parent);
  const sites = spreadSites(parentFeature, box, count, random);
  const [west, south, east, north] = box;
  const margin = Math.max(east - west, north - south) * 0.01;
  const voronoi = Delaunay.from(sites, (site) => site[0], (site) => site[1]).voronoi([west - margin, south - margin, east + margin, north + margin]);
  const children: AreaGeometry[] = [];
  for (let i = 0; i < sites.length; i++) {
    const cell = voronoi.cellPolygon(i);
    // A site lies inside its own cell and inside the parent, so the piece is never empty.
    const piece = intersect(featureCollection([polygon([cell]), parentFeature]));
    if (piece) children.push(toAreaGeometry(piece));
  }
  return children;
}

function spreadSites(area: PolygonalFeature, box: readonly number[], count: number, random: Random): Position[] {
  const [west, south, east, north] = box as [number, number, number, number];
  const sites: Position[] = [];
  for (let n = 0; n < count; n++) {
    let best: Position | undefined;
    let bestDistance = -1;
    for (let c = 0; c < CANDIDATES_PER_SITE; c++) {
      const candidate = pointInside(area, west, south, east, north, random);
      if (!candidate) continue;
      const distance = nearestDistance(candidate, sites);
      if (distance > bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (!best) throw new RangeError(`found no point inside an area spanning ${box.join(', ')}`);
    sites.push(best);
  }
  return sites;
}

function pointInside(
  area: PolygonalFeature,
  west: number,
  south: number,
  east: number,
  north: number,
  random: Random,
): Position | undefined {
  for (let t = 0; t < TRIES_PER_CANDIDATE; t++) {
    const candidate: Position = [west + random.next() * (east - west), south + random.next() * (north - south)];
    if (containsPoint(area, candidate)) return candidate;
  }
  return undefined;
}

function nearestDistance(point: Position, sites: readonly Position[]): number {
  let nearest = Infinity;
  for (const site of sites) nearest = Math.min(nearest, Math.hypot(point[0] - site[0], point[1] - site[1]));
  return nearest;
}
