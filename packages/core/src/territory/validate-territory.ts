import { FieldReader } from '../validation/field-reader.js';
import { ID_RULE } from '../validation/ids.js';
import { invalid, valid, type Validated } from '../validation/validated.js';
import type { Area, Building, Household, Member } from './entities.js';
import { leafLevel, levelIndex } from './levels.js';
import type { TerritoryLookup } from './territory.js';
import { areaGeometryProblem, pointProblem } from './validate-geometry.js';
import type { AreaGeometry, Point } from './geometry.js';

const MAX_FLOORS = 200;
const MAX_UNITS = 50;

function finish<T>(reader: FieldReader, build: () => T): Validated<T> {
  return reader.ok ? valid(build()) : invalid(reader.issues);
}

/** Checks an area's shape and its place in the tree: parent exists, level is one below the parent's. */
export function validateArea(input: unknown, territory: TerritoryLookup, path = ''): Validated<Area> {
  const r = new FieldReader(input, path, ['id', 'parentId', 'level', 'name', 'geometry']);
  const id = r.string('id', ID_RULE);
  const parentId = r.nullableString('parentId');
  const level = r.oneOf('level', territory.levels.map((l) => l.id));
  const name = r.string('name');
  const geometry = r.raw('geometry');
  if (geometry !== undefined && geometry !== null) {
    const problem = areaGeometryProblem(geometry);
    if (problem) r.fail('geometry', problem);
  }
  if (id !== undefined && territory.areaLevel(id) !== undefined) r.fail('id', `area ${id} already exists`);
  if (level !== undefined && parentId !== undefined) {
    if (parentId === null) {
      const root = territory.levels[0]!.id;
      if (level !== root) r.fail('parentId', `only a ${root} may have no parent`);
    } else {
      const parentLevel = territory.areaLevel(parentId);
      if (parentLevel === undefined) r.fail('parentId', `no area has id ${parentId}`);
      else {
        const expected = territory.levels[levelIndex(territory.levels, parentLevel) + 1]?.id;
        if (expected === undefined) r.fail('parentId', `area ${parentId} is a ${parentLevel}, which has no child areas`);
        else if (level !== expected) r.fail('level', `must be ${expected} under a ${parentLevel}`);
      }
    }
  }
  return finish(r, () => ({
    id: id!,
    parentId: parentId!,
    level: level!,
    name: name!,
    geometry: (geometry as AreaGeometry | null | undefined) ?? null,
  }));
}

/** Checks a building: it must stand in an existing area of the deepest level. */
export function validateBuilding(input: unknown, territory: TerritoryLookup, path = ''): Validated<Building> {
  const r = new FieldReader(input, path, ['id', 'areaId', 'name', 'units', 'floors', 'location']);
  const id = r.string('id', ID_RULE);
  const areaId = r.string('areaId', ID_RULE);
  const name = r.string('name');
  const units = r.integer('units', { min: 1, max: MAX_UNITS });
  const floors = r.integer('floors', { min: 1, max: MAX_FLOORS });
  const location = r.raw('location');
  if (location !== undefined && location !== null) {
    const problem = pointProblem(location);
    if (problem) r.fail('location', problem);
  }
  if (id !== undefined && territory.hasBuilding(id)) r.fail('id', `building ${id} already exists`);
  if (areaId !== undefined) {
    const level = territory.areaLevel(areaId);
    const leaf = leafLevel(territory.levels).id;
    if (level === undefined) r.fail('areaId', `no area has id ${areaId}`);
    else if (level !== leaf) r.fail('areaId', `buildings belong to a ${leaf}, not a ${level}`);
  }
  return finish(r, () => ({
    id: id!,
    areaId: areaId!,
    name: name!,
    units: units!,
    floors: floors!,
    location: (location as Point | null | undefined) ?? null,
  }));
}

/** Checks a household: its building must exist. Unit and floor are checked for range only. */
export function validateHousehold(input: unknown, territory: TerritoryLookup, path = ''): Validated<Household> {
  const r = new FieldReader(input, path, ['id', 'buildingId', 'unit', 'floor', 'room', 'vacant']);
  const id = r.string('id', ID_RULE);
  const buildingId = r.string('buildingId', ID_RULE);
  const unit = r.integer('unit', { min: 1, max: MAX_UNITS });
  // Basements (地下室) are lived in, so floors go below zero; there is no floor 0.
  const floor = r.integer('floor', { min: -5, max: MAX_FLOORS });
  if (floor === 0) r.fail('floor', 'must not be 0');
  const room = r.string('room', { maxLength: 20 });
  const vacant = r.boolean('vacant', true);
  if (id !== undefined && territory.hasHousehold(id)) r.fail('id', `household ${id} already exists`);
  if (buildingId !== undefined && !territory.hasBuilding(buildingId)) {
    r.fail('buildingId', `no building has id ${buildingId}`);
  }
  return finish(r, () => ({
    id: id!,
    buildingId: buildingId!,
    unit: unit!,
    floor: floor!,
    room: room!,
    vacant: vacant ?? false,
  }));
}

const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,19}$/;

/** Checks a member: its household must exist; tags must be among the allowed special groups. */
export function validateMember(
  input: unknown,
  territory: TerritoryLookup,
  allowedTags: readonly string[],
  path = '',
): Validated<Member> {
  const r = new FieldReader(input, path, ['id', 'householdId', 'name', 'phone', 'birthYear', 'tags']);
  const id = r.string('id', ID_RULE);
  const householdId = r.string('householdId', ID_RULE);
  const name = r.string('name', { maxLength: 60 });
  const phone = r.raw('phone') === null ? null : r.string('phone', { optional: true, pattern: PHONE_PATTERN, patternReason: 'must be a phone number' });
  const birthYear = r.raw('birthYear') === null ? null : r.integer('birthYear', { optional: true, min: 1890, max: 2100 });
  const tags: string[] = [];
  const rawTags = r.raw('tags');
  if (rawTags !== undefined) {
    if (!Array.isArray(rawTags)) r.fail('tags', 'must be a list of special-group ids');
    else {
      rawTags.forEach((tag: unknown, index) => {
        if (typeof tag !== 'string' || !allowedTags.includes(tag)) {
          r.fail(`tags.${index}`, `must be one of ${allowedTags.join(', ')}`);
        } else if (tags.includes(tag)) r.fail(`tags.${index}`, `repeats ${tag}`);
        else tags.push(tag);
      });
    }
  }
  if (id !== undefined && territory.memberHousehold(id) !== undefined) r.fail('id', `member ${id} already exists`);
  if (householdId !== undefined && !territory.hasHousehold(householdId)) {
    r.fail('householdId', `no household has id ${householdId}`);
  }
  return finish(r, () => ({
    id: id!,
    householdId: householdId!,
    name: name!,
    phone: phone ?? null,
    birthYear: birthYear ?? null,
    tags,
  }));
}
