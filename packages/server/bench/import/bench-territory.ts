import type { Area, Building } from '@gridsweep/core';
import ExcelJS from 'exceljs';

// The territory and roster file bench:import reads: one community of
// micro-grids whose buildings repeat their names (1号楼 in every 小区), as
// real registers do, so the 小区 column is needed to tell them apart.

export const UNITS = 2;
export const FLOORS = 18;
export const ROOMS_PER_FLOOR = 2;
const HOUSEHOLDS_PER_BUILDING = UNITS * FLOORS * ROOMS_PER_FLOOR;
const BUILDINGS_PER_GRID = 14;

export interface BenchTerritory {
  readonly areas: Area[];
  readonly buildings: Building[];
}

export function benchTerritory(households: number): BenchTerritory {
  const buildingCount = Math.ceil(households / HOUSEHOLDS_PER_BUILDING);
  const grids = Math.ceil(buildingCount / BUILDINGS_PER_GRID);
  const areas: Area[] = [
    { id: 'c', parentId: null, level: 'city', name: '福州市' },
    { id: 'd', parentId: 'c', level: 'district', name: '鼓楼区' },
    { id: 's', parentId: 'd', level: 'street', name: '东街街道' },
    { id: 'cm', parentId: 's', level: 'community', name: '东街社区' },
    { id: 'g', parentId: 'cm', level: 'grid', name: '网格一' },
  ];
  const buildings: Building[] = [];
  for (let grid = 0; grid < grids; grid++) {
    areas.push({ id: `mg${grid}`, parentId: 'g', level: 'microgrid', name: `小区${grid}` });
    for (let b = 1; b <= BUILDINGS_PER_GRID && buildings.length < buildingCount; b++) {
      buildings.push({ id: `mg${grid}-b${b}`, areaId: `mg${grid}`, name: `${b}号楼`, units: UNITS, floors: FLOORS });
    }
  }
  return { areas, buildings };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const GROUPS = ['', '', '', '', '', '', '', '', '独居老人', '慢性病', '残疾人、慢性病', '孕妇', '婴幼儿'];

/** 1 to 4 members a household, about 2.6 on average, in building order as registers list them. */
export function membersOf(household: number): number {
  return [2, 3, 1, 3, 4, 2, 3, 3][household % 8]!;
}

/** Writes the roster XLSX with exceljs's streaming writer: the file is never whole in memory. */
export async function writeRosterXlsx(path: string, territory: BenchTerritory, households: number): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['小区', '楼栋', '单元', '房号', '姓名', '手机号', '出生年份', '特殊人群']).commit();
  const gridNames = new Map(territory.areas.map((area) => [area.id, area.name]));
  let rows = 0;
  let household = 0;
  for (const building of territory.buildings) {
    for (let unit = 1; unit <= UNITS; unit++) {
      for (let floor = 1; floor <= FLOORS; floor++) {
        for (let room = 1; room <= ROOMS_PER_FLOOR && household < households; room++, household++) {
          for (let m = 0; m < membersOf(household); m++) {
            const name = SURNAMES[(household + m * 7) % SURNAMES.length]! + GIVEN[(household * 3 + m) % GIVEN.length]! + (m === 0 ? '' : GIVEN[m]!);
            const phone = `1000${String(household * 4 + m).padStart(7, '0')}`;
            sheet.addRow([gridNames.get(building.areaId)!, building.name, unit, `${floor}0${room}`, name, phone, 1940 + ((household + m * 17) % 80), GROUPS[(household + m) % GROUPS.length]!]).commit();
            rows++;
          }
        }
      }
    }
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}
