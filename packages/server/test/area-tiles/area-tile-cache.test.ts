import { describe, expect, it } from 'vitest';
import { AreaTileCache } from '../../src/area-tiles/area-tile-cache.js';
import type { TiledArea } from '../../src/area-tiles/area-tile-set.js';

const square: TiledArea = {
  id: 'a',
  geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] },
};

/** An area source that counts its reads and answers when released. */
function source() {
  let reads = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    get reads() {
      return reads;
    },
    release: () => release(),
    read: async (): Promise<TiledArea[]> => {
      reads++;
      await gate;
      return [square];
    },
  };
}

const ready = async () => [square];

describe('the area tile cache', () => {
  it('builds a view once for the requests that arrive while it is being built', async () => {
    const cache = new AreaTileCache();
    const areas = source();
    const asked = Array.from({ length: 12 }, () => cache.get('view', areas.read));
    areas.release();
    const sets = await Promise.all(asked);
    expect(areas.reads).toBe(1);
    expect(new Set(sets).size).toBe(1);
    expect(sets[0]!.tiles.areaCount).toBe(1);
  });

  it('keeps at most its capacity of views and drops the least recently used first', async () => {
    const cache = new AreaTileCache(2);
    const first = await cache.get('first', ready);
    await cache.get('second', ready);
    expect(await cache.get('first', ready)).toBe(first);
    await cache.get('third', ready);
    expect(cache.size).toBe(2);
    expect(await cache.get('first', ready)).toBe(first);
    const second = source();
    const rebuilt = cache.get('second', second.read);
    second.release();
    await rebuilt;
    expect(second.reads).toBe(1);
  });

  it('forgets every view when an area is added, and each build has its own version', async () => {
    const cache = new AreaTileCache();
    const before = await cache.get('view', ready);
    await cache.get('other', ready);
    cache.areaAdded();
    expect(cache.size).toBe(0);
    const after = await cache.get('view', ready);
    expect(after).not.toBe(before);
    expect(after.version).not.toBe(before.version);
  });

  it('does not cache a build that was under way when an area was added', async () => {
    const cache = new AreaTileCache();
    const stale = source();
    const pending = cache.get('view', stale.read);
    cache.areaAdded();
    stale.release();
    const built = await pending;
    expect(await cache.get('view', ready)).not.toBe(built);
  });

  it('does not keep a failed build: the waiting requests get the failure and the next one builds again', async () => {
    const cache = new AreaTileCache();
    const failing = () => Promise.reject(new Error('no such area'));
    const asked = [cache.get('view', failing), cache.get('view', failing)];
    for (const answer of asked) await expect(answer).rejects.toThrow('no such area');
    expect(cache.size).toBe(0);
    expect((await cache.get('view', ready)).tiles.areaCount).toBe(1);
  });
});
