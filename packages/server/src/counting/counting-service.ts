import type { AreaCounts, CountingEngine, HouseholdCounts, SweepEvent } from '@gridsweep/core';
import { CountsBus } from './counts-bus.js';

/** The areas whose counts changed, by round id: what one commit (or one tick's roster writes) did. */
export type ChangedAreas = ReadonlyMap<string, readonly string[]>;

/** One commit's effect on the counts, as the bus carries it: area ids only, the stream reads the counts it sends. */
export interface CountsChange {
  /** 1, 2, 3, ... per server process: a gap tells a subscriber it missed something. */
  readonly sequence: number;
  readonly changes: ChangedAreas;
}

/**
 * Feeds committed events to the counting engine and publishes each commit's
 * changed areas on the bus. The engine is the one answer to "what is this
 * household now": counts, building counts and the door list's counted values
 * all read it.
 */
export class CountingService {
  readonly bus = new CountsBus<CountsChange>();
  /** Each commit's events, after they are counted: the wall's activity ticker reads them. */
  readonly committed = new CountsBus<readonly SweepEvent[]>();

  constructor(
    readonly engine: CountingEngine,
    private readonly onListenerError: (error: unknown) => void = () => {},
  ) {}

  /**
   * Events read back from the log at start: counted, not announced. Returns
   * how many the engine could not place (their household or member has left
   * the roster since), which the caller reports.
   */
  applyStored(events: readonly SweepEvent[]): number {
    let refused = 0;
    for (const event of events) if (!this.engine.apply(event).ok) refused++;
    return refused;
  }

  /** Events just committed: counted, and their effect announced on the bus. */
  applyCommitted(events: readonly SweepEvent[]): void {
    if (events.length === 0) return;
    this.applyRemote(events);
    this.committed.publish(events, this.onListenerError);
  }

  /**
   * Events another server process committed: counted and their effect
   * announced to this process's subscribers, but not fed to the activity
   * ticker, which the committing process broadcasts to every process itself.
   */
  applyRemote(events: readonly SweepEvent[]): void {
    if (events.length === 0) return;
    for (const event of events) this.engine.apply(event);
    this.publishChanges();
  }

  /** Drops changes accumulated without announcement (the start-up replay). */
  takeChanges(): void {
    this.engine.takeChangedAreas();
  }

  counts(roundId: string, areaId: string): AreaCounts {
    return this.engine.counts(roundId, areaId);
  }

  buildingCounts(roundId: string, buildingId: string): HouseholdCounts {
    return this.engine.buildingCounts(roundId, buildingId);
  }

  /** The latest counted values of a household in a round (field id to option id), as the engine counts them. */
  householdValues(roundId: string, householdId: string): Readonly<Record<string, string>> | undefined {
    return this.engine.householdValues(roundId, householdId);
  }

  memberValues(roundId: string, memberId: string): Readonly<Record<string, string>> | undefined {
    return this.engine.memberValues(roundId, memberId);
  }

  /**
   * Announces count changes that came from roster writes (a household added,
   * a dwelling marked vacant), which no commit of events announces; the live
   * stream calls it every tick.
   */
  publishPendingChanges(): void {
    this.publishChanges();
  }

  private publishChanges(): void {
    const changes = this.engine.takeChangedAreas();
    if (changes.size === 0) return;
    this.bus.publish({ sequence: this.bus.sequence + 1, changes }, this.onListenerError);
  }
}
