import type { ActivityItemV1, ActivityV1, SweepEvent, Territory } from '@gridsweep/core';

/** At most this many doors per round per tick reach the ticker; a wall cannot show more. */
const MAX_ITEMS_PER_TICK = 50;

/**
 * Turns committed sweep events into the wall's ticker: which micro-grid, when,
 * what outcome. It only ever copies those three things, so no name, phone
 * number or household id can leak into the feed.
 */
export class ActivityFeed {
  private readonly pending = new Map<string, ActivityItemV1[]>();

  constructor(private readonly territory: Territory) {}

  note(events: readonly SweepEvent[]): void {
    const committedAt = Date.now();
    for (const event of events) {
      const household = this.territory.household(event.householdId);
      const building = household && this.territory.building(household.buildingId);
      if (!building) continue;
      const outcome = Object.values(event.values)[0];
      if (outcome === undefined) continue;
      let items = this.pending.get(event.roundId);
      if (!items) this.pending.set(event.roundId, (items = []));
      if (items.length >= MAX_ITEMS_PER_TICK) items.shift();
      items.push({ areaId: building.areaId, committedAt, deviceTime: event.deviceTime, outcome });
    }
  }

  /** The activity gathered since the last call, one message per round. */
  take(): ActivityV1[] {
    const messages = [...this.pending].map(([roundId, items]) => ({ roundId, items }));
    this.pending.clear();
    return messages;
  }
}
