import { NUCLEIC_ACID_TEMPLATE, type Area, type Building, type Household, type Member, type Round } from '@gridsweep/core';
import type { TerritoryRecords } from '../src/repositories/territory-repository.js';

/**
 * A city of the demo's size without geometry: 768 micro-grids, about 60 000
 * households and 156 000 members, made from a seed so every run loads the
 * same rows. (The city generator makes a realistic one with shapes; the
 * benchmark needs only the counts and the tree.)
 */
export function syntheticCity(households = 60_000): Required<TerritoryRecords> & { round: Round } {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const fanOut = [4, 4, 4, 3, 4];
  const levels = ['city', 'district', 'street', 'community', 'grid', 'microgrid'];
  const areas: Area[] = [{ id: 'city', parentId: null, level: 'city', name: '市' }];
  let frontier = [areas[0]!];
  fanOut.forEach((count, depth) => {
    const next: Area[] = [];
    for (const parent of frontier) {
      for (let i = 1; i <= count; i++) next.push({ id: `${parent.id}.${i}`, parentId: parent.id, level: levels[depth + 1]!, name: `${levels[depth + 1]} ${i}` });
    }
    areas.push(...next);
    frontier = next;
  });
  const microgrids = frontier;
  const buildings: Building[] = [];
  const homes: Household[] = [];
  const members: Member[] = [];
  const perMicrogrid = Math.ceil(households / microgrids.length);
  for (const microgrid of microgrids) {
    let left = Math.min(perMicrogrid, households - homes.length);
    for (let b = 1; left > 0; b++) {
      const building: Building = { id: `${microgrid.id}-b${b}`, areaId: microgrid.id, name: `${b}号楼`, units: 2, floors: 7 };
      buildings.push(building);
      for (let unit = 1; unit <= 2 && left > 0; unit++) {
        for (let floor = 1; floor <= 7 && left > 0; floor++, left--) {
          const id = `${building.id}-${unit}-${floor}01`;
          homes.push({ id, buildingId: building.id, unit, floor, room: `${floor}01`, vacant: random() < 0.05 });
          const size = 1 + Math.floor(random() * 4.2);
          for (let m = 1; m <= size; m++) {
            members.push({ id: `${id}-m${m}`, householdId: id, name: '居民', tags: random() < 0.05 ? ['elderly_alone'] : [] });
          }
        }
      }
    }
  }
  const round: Round = { id: 'bench', name: 'bench round', templateId: NUCLEIC_ACID_TEMPLATE.id, templateVersion: 1, rulesId: 'nucleic-acid-default', rulesVersion: 1, areaId: 'city', startsAt: Date.UTC(2022, 10, 14) };
  return { areas, buildings, households: homes, members, round };
}
