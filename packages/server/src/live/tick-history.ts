/** One tick of the stream: which areas of which round changed. */
export interface Tick {
  readonly seq: number;
  readonly roundId: string;
  readonly areaIds: readonly string[];
}

/**
 * The last ticks, kept so that a subscriber who reconnects after a short cut
 * gets only what it missed. Bounded: older ticks fall off and such a
 * subscriber gets a fresh snapshot instead.
 */
export class TickHistory {
  private readonly ticks: Tick[] = [];

  constructor(private readonly capacity: number) {}

  record(tick: Tick): void {
    this.ticks.push(tick);
    if (this.ticks.length > this.capacity) this.ticks.shift();
  }

  /**
   * The areas of a round changed after `seq`, or undefined when ticks after
   * `seq` have already been forgotten.
   */
  changedSince(seq: number, roundId: string, latestSeq: number): Set<string> | undefined {
    if (seq === latestSeq) return new Set();
    const oldest = this.ticks[0];
    // Every tick after `seq` must still be here: the first kept is seq + 1 or older.
    if (!oldest || oldest.seq > seq + 1) return undefined;
    const changed = new Set<string>();
    for (const tick of this.ticks) {
      if (tick.seq <= seq || tick.roundId !== roundId) continue;
      for (const areaId of tick.areaIds) changed.add(areaId);
    }
    return changed;
  }
}
