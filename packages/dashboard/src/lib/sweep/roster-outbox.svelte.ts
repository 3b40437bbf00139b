import { fieldDb, type FieldDb, type QueuedRosterChange, type RosterChange } from './field-db.js';
import type { RosterDelivery } from './sweep-api.js';

/**
 * The roster changes typed on this phone, kept in IndexedDB beside the events
 * and sent before them (an event may name a member the phone added), one at a
 * time in the order made: an answer marks a change acknowledged or refused
 * (409 or invalid: kept and shown, never dropped); no answer leaves it for the
 * outbox's next try. Acknowledged changes stay to be laid over kept door lists
 * until a door list read from the server holds them.
 */
export class RosterOutbox {
  /** Changes not yet acknowledged. */
  pending = $state(0);
  refused = $state.raw<readonly QueuedRosterChange[]>([]);
  /** Every change not refused, in the order made: what the door lists are shown with. */
  changes = $state.raw<readonly QueuedRosterChange[]>([]);

  constructor(
    private readonly send: (change: RosterChange) => Promise<RosterDelivery>,
    private readonly db: Promise<FieldDb> = fieldDb(),
  ) {}

  async start(): Promise<void> {
    await this.refresh();
  }

  async enqueue(change: RosterChange): Promise<void> {
    await (await this.db).add('roster', { change, queuedAt: Date.now(), acknowledgedAt: null, refused: null });
    await this.refresh();
  }

  /** Sends what waits, in order; answers false when a change got no answer, so the events wait too. */
  flush = async (): Promise<boolean> => {
    // The common case, before every batch of events: nothing waits, and IndexedDB is not asked.
    if (this.pending === 0) return true;
    const db = await this.db;
    for (const queued of await db.getAll('roster')) {
      if (queued.acknowledgedAt !== null || queued.refused !== null) continue;
      const delivery = await this.send(queued.change);
      if (!delivery.answered) return false;
      await db.put('roster', delivery.refused ? { ...queued, refused: delivery.refused } : { ...queued, acknowledgedAt: Date.now() });
      await this.refresh();
    }
    return true;
  };

  /**
   * A door list asked of the server at `askedAt` holds every change of its households acknowledged
   * before then: they need not be laid over it any more.
   */
  async forget(householdIds: readonly string[], askedAt: number): Promise<void> {
    const db = await this.db;
    const done = (await db.getAll('roster')).filter((q) => q.acknowledgedAt !== null && q.acknowledgedAt < askedAt && householdIds.includes(q.change.householdId));
    if (done.length === 0) return;
    await Promise.all(done.map((q) => db.delete('roster', q.seq!)));
    await this.refresh();
  }

  /** The worker has read what was refused. */
  async dismissRefused(): Promise<void> {
    const db = await this.db;
    await Promise.all(this.refused.map((q) => db.delete('roster', q.seq!)));
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const all = await (await this.db).getAll('roster');
    this.pending = all.filter((q) => q.acknowledgedAt === null && q.refused === null).length;
    this.refused = all.filter((q) => q.refused !== null);
    this.changes = all.filter((q) => q.refused === null);
  }
}
