import type { AreaCountsChange } from './area-counts-diff.js';
import { readAreaCounts } from './counter-layout.js';
import type { RoundState } from './round-state.js';

/**
 * The round's areas whose counters differ from when they were first touched
 * since the last take, as {from, to} by area id, or undefined when none does;
 * then forgets the touches. An area that went and came back drops out.
 */
export function takeRoundChanges(round: RoundState, areaIds: readonly string[], tagIds: readonly string[]): Record<string, AreaCountsChange> | undefined {
  const { stride, counts } = round;
  let changes: Record<string, AreaCountsChange> | undefined;
  for (const area of round.changedAreas) {
    const before = round.countsBefore.get(area)!;
    const offset = area * stride;
    let same = true;
    for (let i = 0; i < stride && same; i++) same = before[i] === counts[offset + i];
    if (same) continue;
    changes ??= {};
    changes[areaIds[area]!] = { from: readAreaCounts(before, 0, tagIds), to: readAreaCounts(counts, offset, tagIds) };
  }
  round.forgetChanges();
  return changes;
}
