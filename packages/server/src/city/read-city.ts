import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Territory, type Area, type AreaGeometry, type Household, type Member, type Point } from '@gridsweep/core';
import type { GeneratedArea } from './generate-areas.js';
import { generateCity, type CityOptions, type GeneratedBuilding } from './generate-city.js';
import { CITY_FILES } from './write-city.js';

/** A whole city as four lists, parents before children: what a repository's bulk load takes. */
export interface CityRecords {
  readonly areas: GeneratedArea[];
  readonly buildings: GeneratedBuilding[];
  readonly households: Household[];
  readonly members: Member[];
}

interface FeatureOf<P, G> {
  readonly properties: P;
  readonly geometry: G;
}
type AreaFeature = FeatureOf<Omit<Area, 'geometry'>, AreaGeometry>;
type BuildingFeature = FeatureOf<{ id: string; parentId: string; name: string; units: number; floors: number }, Point>;

/** A generated city collected in memory, without files (fine up to the district scale). */
export function cityRecords(options: CityOptions): CityRecords {
  const records: CityRecords = { areas: [], buildings: [], households: [], members: [] };
  for (const record of generateCity(options)) {
    if (record.kind === 'area') records.areas.push(record.area);
    else if (record.kind === 'building') records.buildings.push(record.building);
    else if (record.kind === 'household') records.households.push(record.household);
    else records.members.push(record.member);
  }
  return records;
}

/**
 * Reads back what writeCity wrote. The files are trusted to be the
 * generator's own; check foreign files with core's validators.
 */
export async function readCityRecords(dir: string): Promise<CityRecords> {
  const areas = JSON.parse(await readFile(join(dir, CITY_FILES.areas), 'utf8')) as { features: AreaFeature[] };
  const buildings = JSON.parse(await readFile(join(dir, CITY_FILES.buildings), 'utf8')) as { features: BuildingFeature[] };
  const records: CityRecords = {
    areas: areas.features.map(({ properties, geometry }) => ({ ...properties, geometry })),
    buildings: buildings.features.map(({ properties: { id, parentId, name, units, floors }, geometry }) => ({
      id,
      areaId: parentId,
      name,
      units,
      floors,
      location: geometry,
    })),
    households: [],
    members: [],
  };
  for await (const line of lines(join(dir, CITY_FILES.households))) records.households.push(JSON.parse(line) as Household);
  for await (const line of lines(join(dir, CITY_FILES.members))) records.members.push(JSON.parse(line) as Member);
  return records;
}

/** The records as a core Territory; a broken tree fails with the Territory's invariant errors. */
export function territoryOf(records: CityRecords): Territory {
  const territory = new Territory();
  for (const area of records.areas) territory.addArea(area);
  for (const building of records.buildings) territory.addBuilding(building);
  for (const household of records.households) territory.addHousehold(household);
  for (const member of records.members) territory.addMember(member);
  return territory;
}

/** A generated city straight into a Territory, without files: for tests and the demo start-up. */
export function cityTerritory(options: CityOptions): Territory {
  return territoryOf(cityRecords(options));
}

/** A city that writeCity wrote, as a Territory. */
export async function readCity(dir: string): Promise<Territory> {
  return territoryOf(await readCityRecords(dir));
}

async function* lines(path: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of reader) if (line.length > 0) yield line;
}
