import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCity, resolveScale, type CityOptions, type CityRecord } from './generate-city.js';
import { FeatureCollectionSink, TextSink } from './text-sink.js';

export const CITY_FILES = {
  areas: 'areas.geojson',
  buildings: 'buildings.geojson',
  households: 'households.ndjson',
  members: 'members.ndjson',
  summary: 'city.json',
} as const;

export interface CitySummary {
  readonly seed: number | string;
  readonly scale: string;
  readonly counts: { areas: number; buildings: number; households: number; members: number };
}

/**
 * Generates a city into `out`: areas.geojson and buildings.geojson
 * (FeatureCollections), households.ndjson and members.ndjson (one record a
 * line), and city.json with the seed, scale and counts. Streamed to disk.
 */
export async function writeCity(options: CityOptions & { readonly out: string }): Promise<CitySummary> {
  await mkdir(options.out, { recursive: true });
  const areas = new FeatureCollectionSink(join(options.out, CITY_FILES.areas));
  const buildings = new FeatureCollectionSink(join(options.out, CITY_FILES.buildings));
  const households = new TextSink(join(options.out, CITY_FILES.households));
  const members = new TextSink(join(options.out, CITY_FILES.members));
  const counts = { areas: 0, buildings: 0, households: 0, members: 0 };
  const write = (record: CityRecord): Promise<void> | undefined => {
    switch (record.kind) {
      case 'area': {
        counts.areas++;
        const { geometry, ...properties } = record.area;
        return areas.write({ type: 'Feature', properties, geometry });
      }
      case 'building': {
        counts.buildings++;
        const { id, areaId, name, units, floors, location } = record.building;
        return buildings.write({ type: 'Feature', properties: { id, parentId: areaId, name, units, floors }, geometry: location });
      }
      case 'household':
        counts.households++;
        return households.write(JSON.stringify(record.household) + '\n');
      case 'member':
        counts.members++;
        return members.write(JSON.stringify(record.member) + '\n');
    }
  };
  for (const record of generateCity(options)) {
    const wait = write(record);
    if (wait) await wait;
  }
  await Promise.all([areas.close(), buildings.close(), households.close(), members.close()]);
  const summary: CitySummary = { seed: options.seed, scale: resolveScale(options.scale).name, counts };
  await writeFile(join(options.out, CITY_FILES.summary), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
