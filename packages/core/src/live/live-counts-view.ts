import type { AreaCounts } from '../engine/area-counts.js';
import type { CountsDeltaV3, CountsSnapshotV3, ResumePoint } from './live-events.js';
import { isWellFormed, packedStride, unpackArea, type PackedCountsV3 } from './packed-counts.js';

/** What applying a delta did: applied it, ignored a repeat, or found that something was missed. */
export type DeltaOutcome = 'applied' | 'repeat' | 'gap';

/**
 * A subscriber's copy of the counts: a snapshot, then deltas in sequence. It
 * never applies a delta that does not follow what it holds, so it can be
 * behind but never wrong; a gap means "resubscribe from `resumePoint()`".
 *
 * It keeps the numbers as they come, one fixed slot per area, and builds an
 * area's AreaCounts only when asked (then keeps it until the area changes):
 * a wall draws a few areas of the hundreds a delta may carry, ten times a
 * second, so building them all would be most of its work and garbage.
 */
export class LiveCountsView {
  private readonly slots = new Map<string, number>();
  private values: number[] = [];
  private markerIds: readonly string[] = [];
  private specialGroupIds: readonly string[] = [];
  private stride = packedStride(0, 0);
  private readonly built = new Map<string, AreaCounts>();
  private stream: ResumePoint | null = null;

  /** Replaces everything with the snapshot; false, changing nothing, when its numbers do not fit its areas. */
  applySnapshot(snapshot: CountsSnapshotV3): boolean {
    if (!isWellFormed(snapshot.counts)) return false;
    this.slots.clear();
    this.built.clear();
    this.values = [];
    this.markerIds = [...snapshot.counts.markerIds];
    this.specialGroupIds = [...snapshot.counts.specialGroupIds];
    this.stride = packedStride(this.markerIds.length, this.specialGroupIds.length);
    this.write(snapshot.counts);
    this.stream = { streamId: snapshot.streamId, seq: snapshot.seq };
    return true;
  }

  applyDelta(delta: CountsDeltaV3): DeltaOutcome {
    const stream = this.stream;
    if (stream === null || stream.streamId !== delta.streamId) return 'gap';
    if (delta.seq <= stream.seq) return 'repeat';
    if (delta.fromSeq !== stream.seq) return 'gap';
    // Numbers laid out otherwise than the snapshot's cannot be read: start again from a snapshot.
    if (!isWellFormed(delta.counts) || !this.readable(delta.counts)) return 'gap';
    this.write(delta.counts);
    this.stream = { streamId: delta.streamId, seq: delta.seq };
    return 'applied';
  }

  /** Where to resume from after a reconnect, or undefined before the first snapshot. */
  resumePoint(): ResumePoint | undefined {
    return this.stream ?? undefined;
  }

  counts(areaId: string): AreaCounts | undefined {
    let counts = this.built.get(areaId);
    if (counts) return counts;
    const slot = this.slots.get(areaId);
    if (slot === undefined) return undefined;
    counts = unpackArea(this.values, slot * this.stride, this.markerIds, this.specialGroupIds);
    this.built.set(areaId, counts);
    return counts;
  }

  *entries(): IterableIterator<[string, AreaCounts]> {
    for (const areaId of this.slots.keys()) yield [areaId, this.counts(areaId)!];
  }

  get size(): number {
    return this.slots.size;
  }

  private write(packed: PackedCountsV3): void {
    const { areaIds, values } = packed;
    const stride = this.stride;
    for (let i = 0; i < areaIds.length; i++) {
      const areaId = areaIds[i]!;
      let slot = this.slots.get(areaId);
      if (slot === undefined) this.slots.set(areaId, (slot = this.slots.size));
      const to = slot * stride;
      const from = i * stride;
      for (let k = 0; k < stride; k++) this.values[to + k] = values[from + k]!;
      this.built.delete(areaId);
    }
  }

  /** An empty delta (a resume with nothing missed) has no layout to compare. */
  private readable({ areaIds, markerIds, specialGroupIds }: PackedCountsV3): boolean {
    if (areaIds.length === 0) return true;
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
    return same(markerIds, this.markerIds) && same(specialGroupIds, this.specialGroupIds);
  }
}
