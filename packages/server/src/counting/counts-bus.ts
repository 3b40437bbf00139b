/**
 * The in-process channel for count changes: the ingest publishes each commit's
 * squashed area diffs here, and the live stream (socket.io) subscribes and
 * carries them to dashboards. Listeners run synchronously in subscription
 * order; one that throws does not stop the others.
 */
export class CountsBus<Change> {
  private readonly listeners = new Set<(change: Change) => void>();
  private published = 0;

  /** Returns the function that unsubscribes. */
  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: Change, onListenerError: (error: unknown) => void = () => {}): void {
    this.published++;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        onListenerError(error);
      }
    }
  }

  /** How many changes went out so far; a subscriber compares it with what it saw to know if it missed any. */
  get sequence(): number {
    return this.published;
  }
}
