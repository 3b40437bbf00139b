import type { AreaCounts } from '../engine/area-counts.js';
import type { CountsDeltaV1, CountsSnapshotV1, ResumePoint } from './live-events.js';

/** What applying a delta did: applied it, ignored a repeat, or found that something was missed. */
export type DeltaOutcome = 'applied' | 'repeat' | 'gap';

/**
 * A subscriber's copy of the counts: a snapshot, then deltas in sequence. It
 * never applies a delta that does not follow what it holds, so it can be
 * behind but never wrong; a gap means "resubscribe from `resumePoint()`".
 */
export class LiveCountsView {
  private readonly areas = new Map<string, AreaCounts>();
  private stream: ResumePoint | null = null;

  applySnapshot(snapshot: CountsSnapshotV1): void {
    this.areas.clear();
    for (const [areaId, counts] of Object.entries(snapshot.counts)) this.areas.set(areaId, counts);
    this.stream = { streamId: snapshot.streamId, seq: snapshot.seq };
  }

  applyDelta(delta: CountsDeltaV1): DeltaOutcome {
    const stream = this.stream;
    if (stream === null || stream.streamId !== delta.streamId) return 'gap';
    if (delta.seq <= stream.seq) return 'repeat';
    if (delta.fromSeq !== stream.seq) return 'gap';
    for (const [areaId, counts] of Object.entries(delta.counts)) this.areas.set(areaId, counts);
    this.stream = { streamId: delta.streamId, seq: delta.seq };
    return 'applied';
  }

  /** Where to resume from after a reconnect, or undefined before the first snapshot. */
  resumePoint(): ResumePoint | undefined {
    return this.stream ?? undefined;
  }

  counts(areaId: string): AreaCounts | undefined {
    return this.areas.get(areaId);
  }

  entries(): IterableIterator<[string, AreaCounts]> {
    return this.areas.entries();
  }

  get size(): number {
    return this.areas.size;
  }
}
