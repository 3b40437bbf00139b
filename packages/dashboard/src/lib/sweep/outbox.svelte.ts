import { MAX_EVENTS_PER_BATCH } from '@gridsweep/contract';
import type { EventResultV1, SubmitEventsReplyV1, SweepEvent } from '@gridsweep/core';
import { fieldDb, type FieldDb, type HeldEvent, type LocalRecord, type QueuedEvent } from './field-db.js';
import type { Delivery } from './sweep-api.js';

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/** Sends a batch by whatever way is up (the socket, else HTTP) and says how it fared. */
export type Send = (events: readonly SweepEvent[]) => Promise<Delivery>;

/**
 * Nothing typed is lost: every saved event is written to IndexedDB before it
 * is sent, sent in the order saved, and removed only when the server has
 * acknowledged it (accepted, or a duplicate of what it holds). No answer is
 * retried with a growing wait until there is one; an event the server refuses
 * for what it holds (409: the id with other content; invalid; out of scope)
 * is moved to `held` and shown, never dropped. Retries are harmless: the
 * server counts an id once.
 */
export class Outbox {
  /** Events saved on this phone and not yet acknowledged. */
  pending = $state(0);
  held = $state.raw<readonly HeldEvent[]>([]);
  /** False while the browser says it is offline or the last batch got no answer. */
  reachable = $state(true);

  /**
   * Sent before each batch of events, so that they follow it (the roster changes an event may name);
   * false when it got no answer, and the events wait for the next try with it.
   */
  sendFirst: (() => Promise<boolean>) | null = null;

  private draining = false;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly send: Send,
    private readonly db: Promise<FieldDb> = fieldDb(),
  ) {}

  async start(): Promise<void> {
    this.reachable = navigator.onLine;
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    await this.refresh();
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    if (this.retry) clearTimeout(this.retry);
  }

  /**
   * Keeps the events on the phone, with what they record for the page to show, in one
   * transaction; then starts sending them at once, before anything else is done.
   */
  async enqueue(events: readonly SweepEvent[], record: LocalRecord | null = null): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(['outbox', 'local'], 'readwrite');
    const queuedAt = Date.now();
    const outbox = tx.objectStore('outbox');
    const writes: Promise<unknown>[] = events.map((event) => outbox.add({ event, queuedAt }));
    if (record) writes.push(tx.objectStore('local').put(record));
    await Promise.all([...writes, tx.done]);
    this.pending += events.length;
    this.kick();
  }

  /** The worker has read what was held. */
  async dismissHeld(): Promise<void> {
    await (await this.db).clear('held');
    await this.refresh();
  }

  /** Sends now, whatever the wait was: the phone is back online, or the socket reconnected. */
  kick = (): void => {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (!this.draining && !this.stopped) void this.drain();
  };

  private readonly onOnline = (): void => {
    this.reachable = true;
    this.failures = 0;
    this.kick();
  };

  private readonly onOffline = (): void => {
    this.reachable = false;
  };

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      const db = await this.db;
      for (;;) {
        if (this.sendFirst && !this.stopped && !(await this.sendFirst())) {
          this.reachable = false;
          this.scheduleRetry();
          break;
        }
        const batch = await db.getAll('outbox', null, MAX_EVENTS_PER_BATCH);
        if (batch.length === 0 || this.stopped) break;
        const delivery = await this.send(batch.map((queued) => queued.event));
        if (!delivery.answered) {
          this.reachable = false;
          this.scheduleRetry();
          break;
        }
        this.reachable = navigator.onLine;
        this.failures = 0;
        await this.settle(db, batch, delivery.reply);
        await this.refresh();
      }
    } finally {
      this.draining = false;
    }
  }

  /** Removes what the server acknowledged and holds what it refused; whatever else the batch had is sent again. */
  private async settle(db: FieldDb, batch: readonly QueuedEvent[], reply: SubmitEventsReplyV1): Promise<void> {
    const tx = db.transaction(['outbox', 'held'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const held = tx.objectStore('held');
    const heldAt = Date.now();
    const hold = (queued: QueuedEvent, kind: HeldEvent['kind'], reason: string) => {
      void held.put({ event: queued.event, kind, reason, heldAt });
      void outbox.delete(queued.seq!);
    };
    const byResult = (results: readonly EventResultV1[]) => {
      for (const result of results) {
        const queued = batch[result.index];
        if (!queued) continue;
        if (result.status === 'rejected') hold(queued, 'rejected', result.issues.map((issue) => `${issue.field} ${issue.reason}`).join('; '));
        else void outbox.delete(queued.seq!);
      }
    };
    if (reply.ok) byResult(reply.results);
    else if (reply.conflicts && reply.conflicts.length > 0) {
      // The whole batch was refused for these: hold them, and the rest goes again at once.
      for (const conflict of reply.conflicts) if (batch[conflict.index]) hold(batch[conflict.index]!, 'conflict', reply.error.message);
    } else if (reply.results) byResult(reply.results);
    else for (const queued of batch) hold(queued, 'rejected', `${reply.error.code}: ${reply.error.message}`);
    await tx.done;
  }

  private scheduleRetry(): void {
    const wait = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
    this.failures++;
    // Jitter, so that a room of phones coming back online does not knock at once.
    this.retry = setTimeout(this.kick, wait * (0.75 + Math.random() / 2));
  }

  private async refresh(): Promise<void> {
    const db = await this.db;
    this.pending = await db.count('outbox');
    this.held = await db.getAll('held');
  }
}
