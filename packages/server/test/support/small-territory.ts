import type { Area, Building, Household, Member, Round, SweepEvent } from '@gridsweep/core';
import { NUCLEIC_ACID_TEMPLATE, uuidV7 } from '@gridsweep/core';

/** A small but complete tree: one chain down to two micro-grids, two buildings each, 2x3 households each. */
export interface SmallTerritory {
  areas: Area[];
  buildings: Building[];
  households: Household[];
  members: Member[];
  round: Round;
}

const square = (x: number, y: number, size = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]] as [number, number][]],
});

export function smallTerritory(): SmallTerritory {
  const areas: Area[] = [
    { id: 'c', parentId: null, level: 'city', name: '福州市', geometry: square(119.2, 26.0, 0.2) },
    { id: 'd', parentId: 'c', level: 'district', name: '鼓楼区' },
    { id: 's', parentId: 'd', level: 'street', name: '洛星街道' },
    { id: 'cm', parentId: 's', level: 'community', name: '社区一' },
    { id: 'g', parentId: 'cm', level: 'grid', name: '网格一' },
    { id: 'mg1', parentId: 'g', level: 'microgrid', name: '微网格一', geometry: square(119.3, 26.1) },
    { id: 'mg2', parentId: 'g', level: 'microgrid', name: '微网格二', geometry: square(119.31, 26.1) },
  ];
  const buildings: Building[] = [];
  const households: Household[] = [];
  const members: Member[] = [];
  for (const mg of ['mg1', 'mg2']) {
    for (let b = 1; b <= 2; b++) {
      const buildingId = `${mg}-b${b}`;
      buildings.push({ id: buildingId, areaId: mg, name: `${b}号楼`, units: 2, floors: 3, location: { type: 'Point', coordinates: [119.3, 26.1] } });
      for (let unit = 1; unit <= 2; unit++) {
        for (let floor = 1; floor <= 3; floor++) {
          const id = `${buildingId}-${unit}-${floor}01`;
          households.push({ id, buildingId, unit, floor, room: `${floor}01`, vacant: floor === 3 && unit === 2 });
          members.push({ id: `${id}-m1`, householdId: id, name: '张三', phone: '13800000000', birthYear: 1950, tags: ['elderly_alone'].filter(() => floor === 1) });
          members.push({ id: `${id}-m2`, householdId: id, name: '李四', tags: [] });
        }
      }
    }
  }
  const round: Round = { id: 'r1', name: '11-14 全员核酸', templateId: NUCLEIC_ACID_TEMPLATE.id, templateVersion: 1, rulesId: 'nucleic-acid-default', rulesVersion: 1, areaId: 'c', startsAt: Date.UTC(2022, 10, 14) };
  return { areas, buildings, households, members, round };
}

const HOUSEHOLD_FIELD = NUCLEIC_ACID_TEMPLATE.household.outcome;
const MEMBER_FIELD = NUCLEIC_ACID_TEMPLATE.member.status;

/** A valid household visit event for the small territory. */
export function visitEvent(householdId: string, overrides: Partial<SweepEvent> = {}): SweepEvent {
  return {
    id: uuidV7(),
    deviceTime: Date.UTC(2022, 10, 14, 9),
    roundId: 'r1',
    workerId: 'w1',
    householdId,
    values: { [HOUSEHOLD_FIELD.id]: HOUSEHOLD_FIELD.options[0]!.id },
    ...overrides,
  };
}

/** A valid member status event. */
export function memberEvent(householdId: string, memberId: string, optionIndex = 0, overrides: Partial<SweepEvent> = {}): SweepEvent {
  return {
    id: uuidV7(),
    deviceTime: Date.UTC(2022, 10, 14, 9),
    roundId: 'r1',
    workerId: 'w1',
    householdId,
    memberId,
    values: { [MEMBER_FIELD.id]: MEMBER_FIELD.options[optionIndex]!.id },
    ...overrides,
  };
}
