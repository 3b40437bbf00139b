/**
 * Collects work from concurrent callers and hands it to one writer in groups:
 * while a flush is running, new submissions wait and then go together in the
 * next one. An idle server therefore writes at once (no timer to wait for),
 * and a busy one writes as many requests per transaction as arrived during the
 * previous commit. Each caller's promise settles only after its group's flush.
 */
export class GroupCommit<In, Out, Note = never> {
  private queue: { items: readonly In[]; note: Note | undefined; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;
  private flushes = 0;
  private flushedItems = 0;

  /**
   * @param flush writes one group: one entry per submission, results in the same order; `notes` holds what each submitter added.
   * @param maxItems a group stops growing at this many items; the rest wait for the next flush.
   */
  constructor(
    private readonly flush: (submissions: readonly (readonly In[])[], notes: readonly (Note | undefined)[]) => Promise<Out[]>,
    private readonly maxItems = 5_000,
  ) {}

  /** `note` travels with the items to the flush: what the writer needs to know of this submission beyond its items. */
  submit(items: readonly In[], note?: Note): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ items, note, resolve, reject });
      if (!this.flushing) this.startFlush();
    });
  }

  /** How many items went out per flush so far: the measure of how well grouping works. */
  get stats(): { flushes: number; items: number; itemsPerFlush: number } {
    return { flushes: this.flushes, items: this.flushedItems, itemsPerFlush: this.flushes === 0 ? 0 : this.flushedItems / this.flushes };
  }

  /** Resolves when everything submitted so far has been flushed. */
  async drained(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  private startFlush(): void {
    this.flushing = true;
    // One macrotask of delay lets requests parsed in the same I/O turn join the group.
    setImmediate(() => void this.flushOnce());
  }

  private takeGroup(): typeof this.queue {
    let count = 0;
    let take = 0;
    while (take < this.queue.length && (take === 0 || count + this.queue[take]!.items.length <= this.maxItems)) {
      count += this.queue[take]!.items.length;
      take++;
    }
    const group = this.queue.slice(0, take);
    this.queue = this.queue.slice(take);
    return group;
  }

  private async flushOnce(): Promise<void> {
    const group = this.takeGroup();
    try {
      const results = await this.flush(
        group.map((entry) => entry.items),
        group.map((entry) => entry.note),
      );
      this.flushes++;
      for (const entry of group) this.flushedItems += entry.items.length;
      group.forEach((entry, i) => entry.resolve(results[i]!));
    } catch (error) {
      for (const entry of group) entry.reject(error);
    }
    if (this.queue.length > 0) setImmediate(() => void this.flushOnce());
    else this.flushing = false;
  }
}
