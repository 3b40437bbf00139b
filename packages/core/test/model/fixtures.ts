import { Territory, type Area } from '../../src/index.js';

const square = (x: number, y: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]] as [number, number][]],
});

/** A small territory with one area at each default level, one building, one household, one member. */
export function smallTerritory(): Territory {
  const territory = new Territory();
  const chain: Area[] = [
    { id: 'fz', parentId: null, level: 'city', name: '福州市', geometry: square(119, 26, 1) },
    { id: 'gl', parentId: 'fz', level: 'district', name: '鼓楼区' },
    { id: 'gl-1', parentId: 'gl', level: 'street', name: '东街街道' },
    { id: 'gl-1-1', parentId: 'gl-1', level: 'community', name: '三坊社区' },
    { id: 'gl-1-1-3', parentId: 'gl-1-1', level: 'grid', name: '第3网格' },
    { id: 'gl-1-1-3-2', parentId: 'gl-1-1-3', level: 'microgrid', name: '3-2微网格' },
  ];
  chain.forEach((area) => territory.addArea(area));
  territory.addBuilding({ id: 'b5', areaId: 'gl-1-1-3-2', name: '5号楼', units: 2, floors: 6 });
  territory.addHousehold({ id: 'h1', buildingId: 'b5', unit: 2, floor: 5, room: '501', vacant: false });
  territory.addMember({ id: 'm1', householdId: 'h1', name: '张三明', phone: '19900001234', birthYear: 1950, tags: [] });
  return territory;
}
