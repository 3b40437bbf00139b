import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Territory, type Area, type AreaGeometry, type Building, type Household, type Member, type Point } from '@gridsweep/core';
import { generateCity, type CityOptions } from './generate-city.js';
import { CITY_FILES } from './write-city.js';

interface FeatureOf<P, G> {
  readonly properties: P;
  readonly geometry: G;
}
type AreaFeature = FeatureOf<Omit<Area, 'geometry'>, AreaGeometry>;
type BuildingFeature = FeatureOf<{ id: string; parentId: string; name: string; units: number; floors: number }, Point>;

/** A generated city straight into a Territory, without files: for tests and the demo start-up. */
export function cityTerritory(options: CityOptions): Territory {
  const territory = new Territory();
  for (const record of generateCity(options)) {
    if (record.kind === 'area') territory.addArea(record.area);
    else if (record.kind === 'building') territory.addBuilding(record.building);
    else if (record.kind === 'household') territory.addHousehold(record.household);
    else territory.addMember(record.member);
  }
  return territory;
}

/**
 * Loads a city that writeCity wrote. The files are trusted to be the
 * generator's own: a broken tree fails with the Territory's invariant errors.
 */
export async function readCity(dir: string): Promise<Territory> {
  const territory = new Territory();
  const areas = JSON.parse(await readFile(join(dir, CITY_FILES.areas), 'utf8')) as { features: AreaFeature[] };
  for (const { properties, geometry } of areas.features) territory.addArea({ ...properties, geometry });
  const buildings = JSON.parse(await readFile(join(dir, CITY_FILES.buildings), 'utf8')) as { features: BuildingFeature[] };
  for (const { properties, geometry } of buildings.features) {
    const { id, parentId, name, units, floors } = properties;
    territory.addBuilding({ id, areaId: parentId, name, units, floors, location: geometry } satisfies Building);
  }
  for await (const line of lines(join(dir, CITY_FILES.households))) territory.addHousehold(JSON.parse(line) as Household);
  for await (const line of lines(join(dir, CITY_FILES.members))) territory.addMember(JSON.parse(line) as Member);
  return territory;
}

async function* lines(path: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of reader) if (line.length > 0) yield line;
}
