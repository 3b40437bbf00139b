import { describe, expect, it } from 'vitest';
import {
  NUCLEIC_ACID_TEMPLATE,
  Territory,
  validateArea,
  validateBuilding,
  validateHousehold,
  validateMember,
} from '@gridsweep/core';
import { CITY_SCALES, cityRecords, FAKE_PHONE_PREFIX, generateCity } from '../../src/city/index.js';

const TAG_IDS = NUCLEIC_ACID_TEMPLATE.specialGroups.map((group) => group.id);
const CAMPAIGN_YEAR = 2022;

describe('the tiny city', () => {
  it("passes the core's validators record by record, in file order", () => {
    const territory = new Territory();
    const problems: unknown[] = [];
    for (const record of generateCity({ seed: 7, scale: 'tiny' })) {
      if (record.kind === 'area') {
        const checked = validateArea(record.area, territory);
        if (checked.ok) territory.addArea(checked.value);
        else problems.push(checked.issues);
      } else if (record.kind === 'building') {
        const checked = validateBuilding(record.building, territory);
        if (checked.ok) territory.addBuilding(checked.value);
        else problems.push(checked.issues);
      } else if (record.kind === 'household') {
        const checked = validateHousehold(record.household, territory);
        if (checked.ok) territory.addHousehold(checked.value);
        else problems.push(checked.issues);
      } else {
        const checked = validateMember(record.member, territory, TAG_IDS);
        if (checked.ok) territory.addMember(checked.value);
        else problems.push(checked.issues);
      }
    }
    expect(problems).toEqual([]);
    expect(territory.size.households).toBeGreaterThan(100);
    expect(territory.size.households).toBeLessThan(1000);
  });

  it('names places the Chinese way', () => {
    const city = cityRecords({ seed: 7, scale: 'tiny' });
    const patterns: Record<string, RegExp> = {
      city: /^\p{Script=Han}+市$/u,
      district: /^\p{Script=Han}{2}区$/u,
      street: /^\p{Script=Han}{2}街道$/u,
      community: /^\p{Script=Han}{2}社区$/u,
      grid: /^第\d+网格$/,
      microgrid: /^\d+-\d+微网格$/,
    };
    for (const area of city.areas) expect(area.name, area.id).toMatch(patterns[area.level]!);
    for (const building of city.buildings) expect(building.name).toMatch(/^\d+号楼$/);
    for (const household of city.households) expect(household.room).toBe(`${household.floor}${household.room.slice(-2)}`);
    for (const member of city.members) expect(member.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    const districtNames = city.areas.filter((a) => a.level === 'district').map((a) => a.name);
    expect(new Set(districtNames).size).toBe(districtNames.length);
  });

  it('gives every phone number the reserved fake prefix', () => {
    const phones = cityRecords({ seed: 7, scale: 'tiny' }).members.flatMap((m) => (m.phone ? [m.phone] : []));
    expect(phones.length).toBeGreaterThan(100);
    for (const phone of phones) expect(phone).toMatch(new RegExp(`^${FAKE_PHONE_PREFIX}\\d{7}$`));
  });
});

describe('the demo city', () => {
  const city = cityRecords({ seed: 7, scale: 'demo' });
  const share = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length / items.length;

  it('has 6 districts, at least 1 000 micro-grids and about 60 000 households', () => {
    expect(city.areas.filter((a) => a.level === 'district')).toHaveLength(CITY_SCALES.demo.districts.min);
    expect(city.areas.filter((a) => a.level === 'microgrid').length).toBeGreaterThanOrEqual(1000);
    expect(city.households.length).toBeGreaterThan(50_000);
    expect(city.households.length).toBeLessThan(70_000);
  });

  it('builds mostly 6- to 33-storey buildings of 2 to 4 units and 2 to 4 rooms a floor', () => {
    expect(share(city.buildings, (b) => b.floors >= 6 && b.floors <= 33)).toBeGreaterThan(0.8);
    expect(share(city.buildings, (b) => b.units >= 2 && b.units <= 4)).toBeGreaterThan(0.8);
    const perBuilding = new Map<string, number>();
    for (const h of city.households) perBuilding.set(h.buildingId, (perBuilding.get(h.buildingId) ?? 0) + 1);
    const roomsPerFloor = city.buildings.map((b) => perBuilding.get(b.id)! / (b.units * b.floors));
    expect(share(roomsPerFloor, (rooms) => rooms >= 2 && rooms <= 4)).toBe(1);
  });

  it('houses about 2.6 people per occupied dwelling, about 18 % of them 60 or older', () => {
    const occupied = city.households.filter((h) => !h.vacant).length;
    expect(city.members.length / occupied).toBeGreaterThan(2.45);
    expect(city.members.length / occupied).toBeLessThan(2.75);
    const elderly = share(city.members, (m) => CAMPAIGN_YEAR - m.birthYear! >= 60);
    expect(elderly).toBeGreaterThan(0.15);
    expect(elderly).toBeLessThan(0.21);
  });

  it('lists some vacant dwellings and a few per cent of each special group', () => {
    const vacant = share(city.households, (h) => h.vacant);
    expect(vacant).toBeGreaterThan(0.03);
    expect(vacant).toBeLessThan(0.1);
    const members = city.members;
    for (const tag of ['elderly_alone', 'disabled', 'bedridden', 'pregnant', 'infant']) {
      const tagged = share(members, (m) => m.tags.includes(tag));
      expect(tagged, tag).toBeGreaterThan(0.003);
      expect(tagged, tag).toBeLessThan(0.08);
    }
  });

  it('gives every person, household and building an id of its own', () => {
    for (const list of [city.areas, city.buildings, city.households, city.members]) {
      expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
    }
  });
});
