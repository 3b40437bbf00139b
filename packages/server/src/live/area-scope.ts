import { levelIndex } from '@gridsweep/core';
import type { RosterTerritory as Territory } from '../roster-territory.js';

/**
 * A subscription's part of the tree: an area and everything below it down to
 * a level. Membership is decided by walking up from the area, O(depth), with
 * each area's ancestors cached, so no subscriber holds a set of tens of
 * thousands of ids.
 */
export class AreaScope {
  private readonly maxDepth: number;
  private readonly rootDepth: number;
  /** Equal for equal scopes: subscribers with the same key share one group. */
  readonly key: string;

  constructor(
    private readonly territory: Territory,
    private readonly ancestry: AncestryCache,
    readonly rootId: string,
    depthLevel: string,
  ) {
    this.maxDepth = levelIndex(territory.levels, depthLevel);
    this.rootDepth = levelIndex(territory.levels, territory.area(rootId)?.level ?? '');
    this.key = `${rootId}\u0000${depthLevel}`;
  }

  contains(areaId: string): boolean {
    const area = this.territory.area(areaId);
    if (!area || this.territory.archive.isAreaArchived(areaId)) return false;
    const depth = levelIndex(this.territory.levels, area.level);
    if (depth > this.maxDepth || depth < this.rootDepth) return false;
    return areaId === this.rootId || this.ancestry.of(areaId).includes(this.rootId);
  }

  /** Every area of the scope, root first. */
  areaIds(): string[] {
    const ids: string[] = [];
    const queue = [this.rootId];
    while (queue.length > 0) {
      const id = queue.shift()!;
      ids.push(id);
      const area = this.territory.area(id)!;
      if (levelIndex(this.territory.levels, area.level) >= this.maxDepth) continue;
      for (const child of this.territory.children(id)) queue.push(child.id);
    }
    return ids;
  }
}

/** Ancestor ids per area, computed once; areas never change parent. */
export class AncestryCache {
  private readonly cache = new Map<string, readonly string[]>();

  constructor(private readonly territory: Territory) {}

  of(areaId: string): readonly string[] {
    let ancestors = this.cache.get(areaId);
    if (!ancestors) {
      ancestors = this.territory.ancestors(areaId).map((area) => area.id);
      this.cache.set(areaId, ancestors);
    }
    return ancestors;
  }
}
