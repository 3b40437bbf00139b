import type { DoorListHousehold } from './sweep-api.js';

/** One row of a 楼盘表: a floor, with each unit's households on it in room order. */
export interface FloorRow {
  readonly floor: number;
  /** One list per unit, in unit order; a unit with fewer rooms on this floor leaves the rest of its columns empty. */
  readonly units: readonly (readonly DoorListHousehold[])[];
}

export interface FloorGrid {
  /** Unit numbers, left to right. */
  readonly units: readonly number[];
  /** Columns each unit takes: the most rooms it has on any floor. */
  readonly widths: readonly number[];
  /** Top floor first, as a building is drawn on the wall of a stairwell. */
  readonly rows: readonly FloorRow[];
}

/**
 * A building's households as floors × units × rooms, built from the door list
 * alone (the roster may have units or floors the building's numbers do not).
 */
// One collator for every sort: localeCompare with a locale builds a collator on each call, which
// is most of the cost of laying out a tall building on a phone.
const ROOM_ORDER = new Intl.Collator('zh-CN', { numeric: true });

export function floorGrid(households: readonly DoorListHousehold[], declaredFloors = 0): FloorGrid {
  const units = [...new Set(households.map((h) => h.unit))].sort((a, b) => a - b);
  let topFloor = declaredFloors;
  let bottomFloor = 1;
  const cells = new Map<string, DoorListHousehold[]>();
  for (const household of households) {
    topFloor = Math.max(topFloor, household.floor);
    bottomFloor = Math.min(bottomFloor, household.floor);
    const key = `${household.floor}/${household.unit}`;
    const list = cells.get(key);
    if (list) list.push(household);
    else cells.set(key, [household]);
  }
  for (const list of cells.values()) list.sort((a, b) => ROOM_ORDER.compare(a.room, b.room));
  const rows: FloorRow[] = [];
  for (let floor = topFloor; floor >= bottomFloor; floor--) {
    if (floor === 0) continue;
    rows.push({ floor, units: units.map((unit) => cells.get(`${floor}/${unit}`) ?? []) });
  }
  const widths = units.map((_, index) => Math.max(1, ...rows.map((row) => row.units[index]!.length)));
  return { units, widths, rows };
}
