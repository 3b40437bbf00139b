import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CITY_FILES, writeCity, type ScaleName } from '../../src/city/index.js';

const folders: string[] = [];

async function generate(scale: ScaleName, seed: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gridsweep-det-${scale}-`));
  folders.push(dir);
  await writeCity({ seed, scale, out: dir });
  return dir;
}

afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each(['tiny', 'demo'] as const)('generating the %s city', (scale) => {
  it('twice with the same seed gives byte-identical files', async () => {
    const first = await generate(scale, 7);
    const second = await generate(scale, 7);
    const names = (await readdir(first)).sort();
    expect(names).toEqual(Object.values(CITY_FILES).sort());
    expect((await readdir(second)).sort()).toEqual(names);
    for (const name of names) {
      const [a, b] = await Promise.all([readFile(join(first, name)), readFile(join(second, name))]);
      expect(a.length, name).toBeGreaterThan(0);
      expect(a.equals(b), `${name} differs between two runs with seed 7`).toBe(true);
    }
  });
});

describe('generating with another seed', () => {
  it('gives another city', async () => {
    const [a, b] = await Promise.all([generate('tiny', 7), generate('tiny', 8)]);
    for (const name of [CITY_FILES.areas, CITY_FILES.buildings, CITY_FILES.members]) {
      const [first, second] = await Promise.all([readFile(join(a, name)), readFile(join(b, name))]);
      expect(first.equals(second), name).toBe(false);
    }
  });
});
