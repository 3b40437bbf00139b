import type { SpecialGroup } from '@gridsweep/core';
import { cellOf, type ColumnMapping } from './column-mapping.js';
import type { ImportProblem } from './import-problem.js';
import type { RosterFieldId } from './roster-fields.js';

/** One member row of a roster, read and checked, before it is matched to the stored roster. */
export interface RosterRow {
  readonly row: number;
  readonly community: string;
  readonly building: string;
  readonly unit: number;
  readonly room: string;
  readonly floor: number;
  readonly name: string;
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly tags: readonly string[];
  readonly vacant: boolean;
}

export interface RosterRowContext {
  readonly mapping: ColumnMapping<RosterFieldId>;
  /** The header text of each column, to name it in problems. */
  readonly headers: readonly string[];
  readonly groups: readonly SpecialGroup[];
  readonly thisYear: number;
}

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const GROUP_SEPARATORS = /[,，、;；/|\s]+/;
const YES = new Set(['是', '空置', 'y', 'yes', 'true', '1']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

/** Reads one member row; problems name the row, the column as headed in the file, the value and why. */
export function readRosterRow(row: number, cells: readonly string[], context: RosterRowContext): RosterRow | ImportProblem[] {
  const problems: ImportProblem[] = [];
  const cell = (field: RosterFieldId): string => cellOf(cells, context.mapping, field);
  const fail = (field: RosterFieldId, reason: string): void => {
    const index = context.mapping[field];
    problems.push({ row, column: index === undefined ? field : (context.headers[index] ?? field), value: cell(field), reason });
  };
  const required = (field: RosterFieldId, what: string): string => {
    const value = cell(field);
    if (value === '') fail(field, `${what} is empty`);
    return value;
  };

  const building = required('building', '楼栋');
  const unit = readUnit(required('unit', '单元'));
  if (unit === undefined && cell('unit') !== '') fail('unit', 'must be a unit number from 1 to 50, e.g. 2 or 2单元');
  const room = required('room', '房号').replace(/[室号]$/, '');
  if (room.length > 20) fail('room', 'must be at most 20 characters');
  const floor = readFloor(cell('floor'), room);
  if (floor === undefined) fail(cell('floor') === '' ? 'room' : 'floor', cell('floor') === '' ? 'the floor cannot be told from the room number; add a 楼层 column' : 'must be a floor from -5 to 200, not 0');
  const name = required('name', '姓名');
  if (name.length > 60) fail('name', 'must be at most 60 characters');
  const phoneText = cell('phone').replace(/\s+/g, '');
  if (phoneText !== '' && !PHONE.test(phoneText)) fail('phone', 'must be a phone number');
  const birthYear = readBirthYear(cell('birthYear'));
  if (birthYear === undefined || (birthYear !== null && (birthYear < 1890 || birthYear > context.thisYear))) {
    fail('birthYear', `must be a year from 1890 to ${context.thisYear}, or a date such as 1950-03-02`);
  }
  const tags = readGroups(cell('specialGroups'), context.groups, (reason) => fail('specialGroups', reason));
  const vacantText = cell('vacant').toLowerCase();
  if (!YES.has(vacantText) && !NO.has(vacantText)) fail('vacant', 'must be 是 or 否');

  if (problems.length > 0) return problems;
  return {
    row,
    community: cell('community'),
    building,
    unit: unit!,
    room,
    floor: floor!,
    name,
    phone: phoneText === '' ? null : phoneText,
    birthYear: birthYear ?? null,
    tags,
    vacant: YES.has(vacantText),
  };
}

function readUnit(text: string): number | undefined {
  const match = /^(\d{1,2})(单元)?$/.exec(text);
  const unit = match ? Number(match[1]) : NaN;
  return unit >= 1 && unit <= 50 ? unit : undefined;
}

/** A floor column wins; otherwise 1502 is on floor 15 and 3 on floor 1; B101 or -101 in the basement. */
function readFloor(text: string, room: string): number | undefined {
  if (text !== '') {
    const floor = Number(text.replace(/[层楼F]$/i, ''));
    return Number.isInteger(floor) && floor !== 0 && floor >= -5 && floor <= 200 ? floor : undefined;
  }
  const basement = /^(?:B|-|负)(\d)\d{2}$/i.exec(room);
  if (basement) return -Number(basement[1]);
  const digits = /^(\d{1,5})$/.exec(room);
  if (!digits) return undefined;
  const number = Number(digits[1]);
  if (number < 100) return 1;
  const floor = Math.floor(number / 100);
  return floor <= 200 ? floor : undefined;
}

/** null for an empty cell, undefined for one that is not a year. */
function readBirthYear(text: string): number | null | undefined {
  if (text === '') return null;
  const match = /^(\d{4})(?:[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?)?$/.exec(text) ?? /^(\d{4})\d{4}$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Several groups in one cell, by id or by name in either language: 独居老人、残疾人. */
function readGroups(text: string, groups: readonly SpecialGroup[], fail: (reason: string) => void): string[] {
  const tags: string[] = [];
  if (text === '' || text === '无') return tags;
  for (const part of text.split(GROUP_SEPARATORS)) {
    if (part === '') continue;
    const lower = part.toLowerCase();
    const group = groups.find((g) => g.id === part || g.name.zh === part || g.name.en.toLowerCase() === lower);
    if (!group) fail(`${part} is not a special group; the groups are ${groups.map((g) => g.name.zh).join('、')}`);
    else if (!tags.includes(group.id)) tags.push(group.id);
  }
  return tags;
}
