import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AreaGeometry, Point } from '@gridsweep/core';
import { CITY_FILES, writeCity, type ScaleName } from '../../src/city/index.js';

export interface AreaFeature {
  readonly properties: { id: string; parentId: string | null; level: string; name: string };
  readonly geometry: AreaGeometry;
}

export interface BuildingFeature {
  readonly properties: { id: string; parentId: string; name: string; units: number; floors: number };
  readonly geometry: Point;
}

export interface CityFiles {
  readonly dir: string;
  readonly areas: readonly AreaFeature[];
  readonly buildings: readonly BuildingFeature[];
}

/** Writes a city with the real writer into a fresh temporary folder and reads its GeoJSON back. */
export async function writeAndRead(scale: ScaleName, seed = 7): Promise<CityFiles> {
  const dir = await mkdtemp(join(tmpdir(), `gridsweep-${scale}-`));
  await writeCity({ seed, scale, out: dir });
  const read = async <T>(name: string): Promise<T[]> =>
    (JSON.parse(await readFile(join(dir, name), 'utf8')) as { features: T[] }).features;
  return { dir, areas: await read<AreaFeature>(CITY_FILES.areas), buildings: await read<BuildingFeature>(CITY_FILES.buildings) };
}

export function childrenByParent(areas: readonly AreaFeature[]): Map<string, AreaFeature[]> {
  const byParent = new Map<string, AreaFeature[]>();
  for (const area of areas) {
    const parentId = area.properties.parentId;
    if (parentId === null) continue;
    const siblings = byParent.get(parentId);
    if (siblings) siblings.push(area);
    else byParent.set(parentId, [area]);
  }
  return byParent;
}
