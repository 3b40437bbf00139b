import { rm } from 'node:fs/promises';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, type AreaGeometry } from '@gridsweep/core';
import { childrenByParent, writeAndRead, type CityFiles } from './city-files.js';

type Polygonal = NonNullable<ReturnType<typeof intersect>>;
const asFeature = (geometry: AreaGeometry): Polygonal => feature(geometry as unknown as Polygonal['geometry']);
const squareMetres = (geometry: AreaGeometry): number => area(asFeature(geometry));
const overlap = (a: AreaGeometry, b: AreaGeometry): number => {
  const shared = intersect(featureCollection([asFeature(a), asFeature(b)]));
  return shared ? area(shared) : 0;
};

// Coordinates are stored to 1e-8 degrees (about a millimetre), so a child's
// edge on its parent's boundary may lie up to half a millimetre outside it.
// Measured, that leaves at most 1e-5 of a child's area outside, ten times
// below these tolerances; a misplaced polygon would miss them by orders of magnitude.
const OUTSIDE_SHARE_TOLERANCE = 1e-4;
const OVERLAP_SHARE_TOLERANCE = 1e-4;

describe.each(['tiny', 'demo'] as const)('the %s city', (scale) => {
  let city: CityFiles;
  beforeAll(async () => {
    city = await writeAndRead(scale);
  });
  afterAll(async () => {
    await rm(city.dir, { recursive: true, force: true });
  });

  it('has one root city whose outline is not a rectangle', () => {
    const roots = city.areas.filter((a) => a.properties.parentId === null);
    expect(roots.map((a) => a.properties.level)).toEqual(['city']);
    const outline = roots[0]!.geometry;
    expect(outline.type).toBe('Polygon');
    const ring = outline.type === 'Polygon' ? outline.coordinates[0]! : [];
    expect(ring.length).toBeGreaterThan(20);
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const boxArea = (Math.max(...lons) - Math.min(...lons)) * (Math.max(...lats) - Math.min(...lats));
    const [west, south, east, north] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    const box: AreaGeometry = { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
    expect(boxArea).toBeGreaterThan(0);
    expect(squareMetres(outline) / squareMetres(box)).toBeLessThan(0.9);
  });

  it('lies around Fuzhou, about 119.3°E 26.08°N', () => {
    const ring = city.areas[0]!.geometry.type === 'Polygon' ? city.areas[0]!.geometry.coordinates[0]! : [];
    for (const [lon, lat] of ring) {
      expect(Math.abs(lon - 119.3)).toBeLessThan(0.5);
      expect(Math.abs(lat - 26.08)).toBeLessThan(0.5);
    }
  });

  it('gives every area below the root a parent one level up', () => {
    const levelOf = new Map(city.areas.map((a) => [a.properties.id, a.properties.level]));
    const levels = DEFAULT_LEVELS.map((l) => l.id);
    for (const { properties } of city.areas) {
      if (properties.parentId === null) continue;
      const parentLevel = levelOf.get(properties.parentId);
      expect(parentLevel, properties.id).toBeDefined();
      expect(levels.indexOf(properties.level), properties.id).toBe(levels.indexOf(parentLevel!) + 1);
    }
  });

  it('keeps every child polygon inside its parent', () => {
    const byId = new Map(city.areas.map((a) => [a.properties.id, a]));
    let worst = 0;
    for (const child of city.areas) {
      if (child.properties.parentId === null) continue;
      const parent = byId.get(child.properties.parentId)!;
      const outside = 1 - overlap(child.geometry, parent.geometry) / squareMetres(child.geometry);
      worst = Math.max(worst, outside);
    }
    expect(worst).toBeLessThan(OUTSIDE_SHARE_TOLERANCE);
  });

  it('never lets two siblings overlap', () => {
    let worst = 0;
    for (const siblings of childrenByParent(city.areas).values()) {
      for (let i = 0; i < siblings.length; i++) {
        for (let j = i + 1; j < siblings.length; j++) {
          const a = siblings[i]!.geometry;
          const b = siblings[j]!.geometry;
          worst = Math.max(worst, overlap(a, b) / Math.min(squareMetres(a), squareMetres(b)));
        }
      }
    }
    expect(worst).toBeLessThan(OVERLAP_SHARE_TOLERANCE);
  });

  it("makes children's areas add up to their parent's within 0.1 %", () => {
    const byId = new Map(city.areas.map((a) => [a.properties.id, a]));
    for (const [parentId, children] of childrenByParent(city.areas)) {
      const parentArea = squareMetres(byId.get(parentId)!.geometry);
      const sum = children.reduce((total, child) => total + squareMetres(child.geometry), 0);
      expect(Math.abs(sum - parentArea) / parentArea, parentId).toBeLessThan(0.001);
    }
  });

  it('places every building inside its micro-grid', () => {
    const byId = new Map(city.areas.map((a) => [a.properties.id, a]));
    expect(city.buildings.length).toBeGreaterThan(0);
    for (const building of city.buildings) {
      const microgrid = byId.get(building.properties.parentId);
      expect(microgrid?.properties.level, building.properties.id).toBe('microgrid');
      const point = building.geometry.coordinates as [number, number];
      expect(booleanPointInPolygon(point, asFeature(microgrid!.geometry)), building.properties.id).toBe(true);
    }
  });
});
