import { CountingEngine, uuidV7, type Round, type SweepEvent } from '../../src/index.js';

export const ROUND: Round = { id: 'r1', name: '11-14 全员核酸', templateId: 'nucleic-acid', templateVersion: 1, rulesId: 'nucleic-acid-default', rulesVersion: 1, areaId: 'fz', startsAt: Date.UTC(2022, 10, 14) };
export const T0 = ROUND.startsAt + 8 * 3600 * 1000;

/**
 * Two micro-grids under one grid (default levels), building b1 in mg1 with
 * households h1 (members m1, m2 — m2 elderly living alone) and h2 (vacant in
 * the roster), building b2 in mg2 with household h3 (member m3).
 */
export function smallEngine(): CountingEngine {
  const engine = new CountingEngine();
  engine.addArea({ id: 'fz', parentId: null, level: 'city', name: '福州市' });
  engine.addArea({ id: 'gl', parentId: 'fz', level: 'district', name: '鼓楼区' });
  engine.addArea({ id: 'dj', parentId: 'gl', level: 'street', name: '东街街道' });
  engine.addArea({ id: 'sf', parentId: 'dj', level: 'community', name: '三坊社区' });
  engine.addArea({ id: 'g3', parentId: 'sf', level: 'grid', name: '第3网格' });
  engine.addArea({ id: 'mg1', parentId: 'g3', level: 'microgrid', name: '3-1微网格' });
  engine.addArea({ id: 'mg2', parentId: 'g3', level: 'microgrid', name: '3-2微网格' });
  engine.addBuilding({ id: 'b1', areaId: 'mg1', name: '1号楼', units: 2, floors: 6 });
  engine.addBuilding({ id: 'b2', areaId: 'mg2', name: '2号楼', units: 1, floors: 6 });
  engine.addHousehold({ id: 'h1', buildingId: 'b1', unit: 1, floor: 5, room: '501', vacant: false });
  engine.addHousehold({ id: 'h2', buildingId: 'b1', unit: 1, floor: 5, room: '502', vacant: true });
  engine.addHousehold({ id: 'h3', buildingId: 'b2', unit: 1, floor: 1, room: '101', vacant: false });
  engine.addMember({ id: 'm1', householdId: 'h1', name: '张三', tags: [] });
  engine.addMember({ id: 'm2', householdId: 'h1', name: '张奶奶', tags: ['elderly_alone'] });
  engine.addMember({ id: 'm3', householdId: 'h3', name: '李四', tags: [] });
  engine.openRound(ROUND);
  return engine;
}

let seed = 1;
/** A deterministic pseudo-random source, so event ids in tests are reproducible. */
function random(): number {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
}

export function householdEvent(householdId: string, outcome: string, deviceTime = T0): SweepEvent {
  return { id: uuidV7(deviceTime, random), deviceTime, roundId: 'r1', workerId: 'w1', householdId, values: { outcome } };
}

export function memberEvent(householdId: string, memberId: string, values: Record<string, string>, deviceTime = T0): SweepEvent {
  return { id: uuidV7(deviceTime, random), deviceTime, roundId: 'r1', workerId: 'w1', householdId, memberId, values };
}
