import type { Area, AreaGeometry, Building, Household, Member, Point, Round } from '@gridsweep/core';
import type { Selectable } from 'kysely';
import type { AreaRow, BuildingRow, HouseholdRow, MemberRow, RoundRow } from '../db/schema.js';

// Between database rows (snake_case, bigint as text) and the core's records.

export function areaFromRow(row: Selectable<AreaRow>): Area {
  return {
    id: row.id,
    parentId: row.parent_id,
    level: row.level,
    name: row.name,
    geometry: (row.geometry as AreaGeometry | null) ?? null,
  };
}

export function buildingFromRow(row: Selectable<BuildingRow>): Building {
  return {
    id: row.id,
    areaId: row.area_id,
    name: row.name,
    units: row.units,
    floors: row.floors,
    location: (row.location as Point | null) ?? null,
  };
}

export function householdFromRow(row: Selectable<HouseholdRow>): Household {
  return { id: row.id, buildingId: row.building_id, unit: row.unit, floor: row.floor, room: row.room, vacant: row.vacant };
}

export function memberFromRow(row: Selectable<MemberRow>): Member {
  return {
    id: row.id,
    householdId: row.household_id,
    name: row.name,
    phone: row.phone,
    birthYear: row.birth_year,
    tags: row.tags,
  };
}

export function roundFromRow(row: Selectable<RoundRow>): Round {
  return {
    id: row.id,
    name: row.name,
    templateId: row.template_id,
    templateVersion: row.template_version,
    rulesId: row.rules_id,
    rulesVersion: row.rules_version,
    areaId: row.area_id,
    startsAt: Number(row.starts_at),
  };
}

export function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
