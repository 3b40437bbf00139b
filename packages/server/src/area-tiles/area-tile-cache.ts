import { randomUUID } from 'node:crypto';
import { AreaTileSet, type TiledArea } from './area-tile-set.js';

/** A built set and the version its tiles' ETags carry. */
export interface CachedTileSet {
  readonly tiles: AreaTileSet;
  /** Unique to this build, across restarts and server processes too. */
  readonly version: string;
}

/** Views kept at once: a wall, a few commanders and their drill-downs. A micro-grid level's set holds its whole index. */
export const AREA_TILE_VIEWS_KEPT = 8;

/**
 * The built tile sets by view, least recently used dropped first. A map asks
 * for a dozen tiles at once, so the first request of a view starts the build
 * and the others wait for the same one. Any new area may belong to any view,
 * so one forgets them all.
 */
export class AreaTileCache {
  private readonly sets = new Map<string, Promise<CachedTileSet>>();
  // A serial alone would repeat after a restart, or on another process behind the same address.
  private readonly instance = randomUUID().slice(0, 8);
  private serial = 0;

  constructor(private readonly capacity = AREA_TILE_VIEWS_KEPT) {}

  /** The view's set, built from `areas()` unless it is held or being built. */
  get(view: string, areas: () => Promise<Iterable<TiledArea>>): Promise<CachedTileSet> {
    const held = this.sets.get(view);
    if (held) {
      this.sets.delete(view);
      this.sets.set(view, held);
      return held;
    }
    const pending = areas().then((list) => ({ tiles: new AreaTileSet(list), version: `${this.instance}.${++this.serial}` }));
    this.sets.set(view, pending);
    if (this.sets.size > this.capacity) this.sets.delete(this.sets.keys().next().value!);
    // The waiting requests get the failure; the next one tries again.
    pending.catch(() => {
      if (this.sets.get(view) === pending) this.sets.delete(view);
    });
    return pending;
  }

  /** Views held or being built. */
  get size(): number {
    return this.sets.size;
  }

  forget(): void {
    this.sets.clear();
  }

  /** Only outlines are drawn: an added area changes the tiles, buildings, households and rounds do not. */
  areaAdded(): void {
    this.forget();
  }
}
