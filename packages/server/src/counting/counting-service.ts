import type { Area, Building, Household, Member, Round, SweepEvent } from '@gridsweep/core';
import type { RosterListener } from '../roster.js';
import { CountsBus } from './counts-bus.js';

/**
 * What the server needs of the core's counting engine. Declared here so the
 * wiring reads in one place; the core's CountingEngine satisfies it.
 */
export interface CountingEngineLike<Counts, Changes> {
  addArea(area: Area): void;
  addBuilding(building: Building): void;
  addHousehold(household: Household): void;
  addMember(member: Member): void;
  openRound(round: Round): void;
  apply(event: SweepEvent): { readonly ok: boolean };
  takeChanges(): Changes;
  counts(roundId: string, areaId: string): Counts;
  householdValues(roundId: string, householdId: string): Readonly<Record<string, string>> | undefined;
}

/** One commit's effect on the counts, as the bus carries it. */
export interface CountsChange<Changes> {
  /** 1, 2, 3, ... per server process: a gap tells a subscriber it missed something. */
  readonly sequence: number;
  readonly changes: Changes;
}

/**
 * Keeps the counting engine in step with the roster and the event log, and
 * publishes each commit's squashed area diffs on the bus.
 */
export class CountingService<Counts, Changes> implements RosterListener {
  readonly bus = new CountsBus<CountsChange<Changes>>();
  /** Each commit's events, after they are counted: the wall's activity ticker reads them. */
  readonly committed = new CountsBus<readonly SweepEvent[]>();

  constructor(
    readonly engine: CountingEngineLike<Counts, Changes>,
    private readonly isEmpty: (changes: Changes) => boolean,
    private readonly onListenerError: (error: unknown) => void = () => {},
  ) {}

  areaAdded(area: Area): void {
    this.engine.addArea(area);
  }

  buildingAdded(building: Building): void {
    this.engine.addBuilding(building);
  }

  householdAdded(household: Household): void {
    this.engine.addHousehold(household);
  }

  memberAdded(member: Member): void {
    this.engine.addMember(member);
  }

  roundOpened(round: Round): void {
    this.engine.openRound(round);
  }

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
    this.engine.takeChanges();
  }

  counts(roundId: string, areaId: string): Counts {
    return this.engine.counts(roundId, areaId);
  }

  /** The latest values recorded for a household in a round (field id to option id), as the engine counts them. */
  householdValues(roundId: string, householdId: string): Readonly<Record<string, string>> | undefined {
    return this.engine.householdValues(roundId, householdId);
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
    const changes = this.engine.takeChanges();
    if (this.isEmpty(changes)) return;
    this.bus.publish({ sequence: this.bus.sequence + 1, changes }, this.onListenerError);
  }
}
