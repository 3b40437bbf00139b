import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { areasWithin, type ScopeArea } from './scope-areas.js';

interface Entry {
  readonly id: string;
  readonly name: string;
  /** The names of the building's area and its ancestors up to the scope, normalized. */
  readonly places: ReadonlySet<string>;
}

export type BuildingMatch = { readonly id: string } | { readonly reason: string };

/** 3号楼, 3栋, 3幢 and 3 are the same building in a register. */
export function normalizeBuildingName(text: string): string {
  return normalizePlace(text).replace(/(号楼|号|栋|幢|座|楼)$/, '');
}

function normalizePlace(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/**
 * The buildings an import may name: those inside its area, found by name and,
 * where names repeat (every 小区 has a 1号楼), by the 小区 or grid they stand in.
 */
export class BuildingDirectory {
  private constructor(
    private readonly byName: ReadonlyMap<string, readonly Entry[]>,
    readonly areaIds: readonly string[],
  ) {}

  static async load(db: Kysely<Database>, scopeId: string): Promise<BuildingDirectory> {
    const areas = await areasWithin(db, scopeId);
    const byId = new Map(areas.map((area) => [area.id, area]));
    const placesOf = (areaId: string): Set<string> => {
      const places = new Set<string>();
      for (let area: ScopeArea | undefined = byId.get(areaId); area; area = area.parentId === null ? undefined : byId.get(area.parentId)) {
        places.add(normalizePlace(area.name));
        if (area.id === scopeId) break;
      }
      return places;
    };
    const byName = new Map<string, Entry[]>();
    const ids = areas.map((area) => area.id);
    for (let start = 0; start < ids.length; start += 5000) {
      const rows = await db.selectFrom('buildings').select(['id', 'name', 'area_id']).where('area_id', 'in', ids.slice(start, start + 5000)).execute();
      for (const row of rows) {
        const key = normalizeBuildingName(row.name);
        const list = byName.get(key) ?? [];
        list.push({ id: row.id, name: row.name, places: placesOf(row.area_id) });
        byName.set(key, list);
      }
    }
    return new BuildingDirectory(byName, ids);
  }

  find(building: string, community: string): BuildingMatch {
    let candidates = this.byName.get(normalizeBuildingName(building)) ?? [];
    if (candidates.length === 0) return { reason: `no building called ${building} in the area imported into` };
    if (community !== '') {
      const place = normalizePlace(community);
      candidates = candidates.filter((entry) => entry.places.has(place));
      if (candidates.length === 0) return { reason: `no building called ${building} in ${community}` };
    }
    if (candidates.length > 1) return { reason: `${candidates.length} buildings are called ${building}${community ? ` in ${community}` : ''}; a 小区 column tells them apart` };
    return { id: candidates[0]!.id };
  }
}
