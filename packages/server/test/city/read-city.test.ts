import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_FILES, cityRecords, cityTerritory, readCity, readCityRecords, writeCity, type CitySummary } from '../../src/city/index.js';

describe('a city read back from its files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gridsweep-read-'));
    await writeCity({ seed: 11, scale: 'tiny', out: dir });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds what city.json counts', async () => {
    const summary = JSON.parse(await readFile(join(dir, CITY_FILES.summary), 'utf8')) as CitySummary;
    const territory = await readCity(dir);
    expect(territory.size).toEqual(summary.counts);
    expect(summary).toMatchObject({ seed: 11, scale: 'tiny' });
  });

  it('equals the city generated straight into memory', async () => {
    const fromFiles = await readCity(dir);
    const inMemory = cityTerritory({ seed: 11, scale: 'tiny' });
    const walk = (territory: typeof inMemory) => {
      const out: unknown[] = [];
      const visit = (areaId: string): void => {
        out.push(territory.area(areaId));
        for (const building of territory.buildingsOf(areaId)) {
          out.push(building);
          for (const household of territory.householdsOf(building.id)) out.push(household, territory.membersOf(household.id));
        }
        for (const child of territory.children(areaId)) visit(child.id);
      };
      for (const root of territory.roots()) visit(root.id);
      return out;
    };
    expect(walk(fromFiles)).toEqual(walk(inMemory));
  });

  it('gives the same lists as the city collected in memory', async () => {
    expect(await readCityRecords(dir)).toEqual(cityRecords({ seed: 11, scale: 'tiny' }));
  });
});
