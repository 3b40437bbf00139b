import type { AreaCountsChange } from './area-counts-diff.js';
import { readAreaCounts } from './counter-layout.js';
import type { RoundState } from './round-state.js';

/** Whether the area's counters differ from when it was first touched since the last take. */
function differs(round: RoundState, area: number): boolean {
  const before = round.countsBefore.get(area)!;
  const { stride, counts } = round;
  const offset = area * stride;
  for (let i = 0; i < stride; i++) if (before[i] !== counts[offset + i]) return true;
  return false;
}

/**
 * The round's areas whose counters differ from when they were first touched
 * since the last take (an area that went and came back drops out), as area
 * indices; then forgets the touches. Builds no objects: the live stream reads
 * the counts it sends itself.
 */
export function takeRoundChangedAreas(round: RoundState): number[] {
  const changed = round.changedAreas.filter((area) => differs(round, area));
  round.forgetChanges();
  return changed;
}

/** The same as {from, to} by area id, or undefined when none changed; for tests and tools that want the values. */
export function takeRoundChanges(round: RoundState, areaIds: readonly string[]): Record<string, AreaCountsChange> | undefined {
  let changes: Record<string, AreaCountsChange> | undefined;
  for (const area of round.changedAreas) {
    if (!differs(round, area)) continue;
    changes ??= {};
    changes[areaIds[area]!] = { from: readAreaCounts(round.countsBefore.get(area)!, 0, round.codes), to: readAreaCounts(round.counts, area * round.stride, round.codes) };
  }
  round.forgetChanges();
  return changes;
}
