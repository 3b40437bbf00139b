import { uuidV7, type Area, type Building, type Household, type SweepEvent } from '@gridsweep/core';
import type { RunningServer } from '../support/gridsweep-server.js';

type Ring = [number, number][];

function square(west: number, south: number, size: number): { type: 'Polygon'; coordinates: Ring[] } {
  const ring: Ring = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * A one-of-each chain from city down to grid, and the grid cut into four
 * micro-grids: 2×2 squares of 0.01° around Fuzhou, listed parents first.
 */
export function tinyTerritory(): Area[] {
  const [west, south, size] = [119.3, 26.08, 0.02];
  const chain: Area[] = [
    { id: 'city-1', parentId: null, level: 'city', name: '测试市', geometry: square(west, south, size) },
    { id: 'district-1', parentId: 'city-1', level: 'district', name: '鼓楼区', geometry: square(west, south, size) },
    { id: 'street-1', parentId: 'district-1', level: 'street', name: '洛星街道', geometry: square(west, south, size) },
    { id: 'community-1', parentId: 'street-1', level: 'community', name: '三坊社区', geometry: square(west, south, size) },
    { id: 'grid-1', parentId: 'community-1', level: 'grid', name: '第1网格', geometry: square(west, south, size) },
  ];
  const half = size / 2;
  const microgrids: Area[] = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ].map(([column, row], index) => ({
    id: `mg-${index + 1}`,
    parentId: 'grid-1',
    level: 'microgrid',
    name: `1-${index + 1}微网格`,
    geometry: square(west + column! * half, south + row! * half, half),
  }));
  return [...chain, ...microgrids];
}

/** One building of four households in micro-grid mg-1; the other micro-grids stay empty. */
export function tinyRoster(): { buildings: Building[]; households: Household[] } {
  const buildings: Building[] = [{ id: 'b-1', areaId: 'mg-1', name: '1号楼', units: 1, floors: 2 }];
  const households: Household[] = [101, 102, 201, 202].map((room) => ({
    id: `hh-${room}`,
    buildingId: 'b-1',
    unit: 1,
    floor: Math.floor(room / 100),
    room: String(room),
    vacant: false,
  }));
  return { buildings, households };
}

/** A worker knocking on every door of the roster and being let in. */
export function visitEveryHousehold(roundId: string, households: readonly Household[], startMs: number): SweepEvent[] {
  return households.map((household, index) => ({
    id: uuidV7(startMs + index),
    deviceTime: startMs + index,
    roundId,
    workerId: 'worker-1',
    householdId: household.id,
    values: { outcome: 'visited' },
  }));
}

/** Writes the tiny territory, a roster and an open round to a running server, through its HTTP API as its administrator. */
export async function seedRound(
  server: Pick<RunningServer, 'postJson'>,
  roster: { buildings: readonly Building[]; households: readonly Household[] },
  round: { id: string; startsAt: number },
): Promise<void> {
  for (const area of tinyTerritory()) await server.postJson('/api/v1/areas', area);
  for (const building of roster.buildings) await server.postJson('/api/v1/buildings', building);
  for (const household of roster.households) await server.postJson('/api/v1/households', household);
  await server.postJson('/api/v1/rounds', { ...round, name: '11-29 全员核酸', templateId: 'nucleic-acid', rulesId: 'nucleic-acid-default', areaId: 'city-1' });
}
