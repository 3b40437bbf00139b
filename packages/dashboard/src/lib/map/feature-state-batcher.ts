export type FeatureId = string;

/** Schedules one callback before the next paint; requestAnimationFrame in the browser. */
export type FrameScheduler = (callback: () => void) => unknown;

/**
 * Collects colour changes and hands them over at most once per animation
 * frame, keeping only the last value per feature, so a burst of updates costs
 * one pass over the changed features and never more than one repaint.
 */
export class FeatureStateBatcher<State> {
  private pending = new Map<FeatureId, State>();
  private scheduled = false;

  constructor(
    private readonly apply: (changes: ReadonlyMap<FeatureId, State>) => void,
    private readonly schedule: FrameScheduler = (callback) => requestAnimationFrame(callback),
  ) {}

  set(id: FeatureId, state: State): void {
    this.pending.set(id, state);
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.flush());
    }
  }

  get size(): number {
    return this.pending.size;
  }

  /** Applies what is pending now; called by the scheduler, or directly when a caller must not wait. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const changes = this.pending;
    this.pending = new Map();
    this.apply(changes);
  }

  clear(): void {
    this.pending.clear();
  }
}
