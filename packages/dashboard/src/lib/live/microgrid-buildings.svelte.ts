import { ApiClient } from '../api/api-client.js';
import type { BuildingCounts } from '../api/types.js';
import { buildingPoints, type BuildingPointCollection } from '../geo/building-points.js';

/** At most one re-fetch of a micro-grid's buildings per this many milliseconds, however often its counts move. */
export const BUILDINGS_REFRESH_MS = 1_000;

export interface BuildingsTarget {
  readonly roundId: string;
  readonly microgridId: string;
}

/**
 * The buildings of the micro-grid drilled into, with their households'
 * figures. The socket carries area counts only, so when the micro-grid's
 * counts move the page calls `changed()` and its buildings are asked for
 * again, at most once a second and one request at a time. The points are
 * rebuilt only when the set of buildings changes, so a refresh re-colours
 * them without re-sending geometry.
 */
export class MicrogridBuildings {
  list = $state.raw<readonly BuildingCounts[]>([]);
  points = $state.raw<BuildingPointCollection | null>(null);
  error = $state<string | null>(null);

  private target: BuildingsTarget | null = null;
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFetchAt = -Infinity;
  /** A change came while a request was in flight: ask once more when it ends. */
  private stale = false;

  constructor(private readonly api: ApiClient = new ApiClient()) {}

  /** Shows the buildings of a micro-grid in a round, or none with null. */
  show(target: BuildingsTarget | null): void {
    if (target?.roundId === this.target?.roundId && target?.microgridId === this.target?.microgridId) return;
    this.stop();
    this.target = target;
    this.list = [];
    this.points = null;
    this.error = null;
    if (target) void this.fetch();
  }

  /** The micro-grid's counts moved: refresh its buildings soon. */
  changed(): void {
    if (!this.target || this.timer !== null) return;
    if (this.controller) {
      this.stale = true;
      return;
    }
    const wait = Math.max(0, this.lastFetchAt + BUILDINGS_REFRESH_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.fetch();
    }, wait);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.stale = false;
  }

  private async fetch(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const controller = new AbortController();
    this.controller = controller;
    this.lastFetchAt = Date.now();
    try {
      const list = await this.api.buildings(target.roundId, target.microgridId, controller.signal);
      if (controller.signal.aborted) return;
      if (!this.points || !sameBuildings(this.list, list)) this.points = buildingPoints(list);
      this.list = list;
      this.error = null;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
    if (this.stale) {
      this.stale = false;
      this.changed();
    }
  }
}

function sameBuildings(before: readonly BuildingCounts[], after: readonly BuildingCounts[]): boolean {
  if (before.length !== after.length) return false;
  return before.every((building, index) => {
    const next = after[index]!;
    return building.id === next.id && building.location?.coordinates.join() === next.location?.coordinates.join();
  });
}
