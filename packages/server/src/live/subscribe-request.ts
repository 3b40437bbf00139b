import { levelIndex, type SubscribeRequestV1 } from '@gridsweep/core';
import type { RosterTerritory as Territory } from '../roster-territory.js';

/** Checks a subscription request from a socket; answers with the reason when it is not one. */
export function checkSubscribeRequest(
  input: unknown,
  territory: Territory,
  roundExists: (roundId: string) => boolean,
): { ok: true; request: SubscribeRequestV1 } | { ok: false; reason: string } {
  if (typeof input !== 'object' || input === null) return { ok: false, reason: 'the request must be an object' };
  const { roundId, areaId, depth, resume } = input as Record<string, unknown>;
  if (typeof roundId !== 'string' || !roundExists(roundId)) return { ok: false, reason: 'roundId: no such round' };
  if (typeof areaId !== 'string') return { ok: false, reason: 'areaId: must be an area id' };
  const area = territory.area(areaId);
  if (!area) return { ok: false, reason: `areaId: no area has id ${areaId}` };
  const levels = territory.levels;
  if (typeof depth !== 'string' || levelIndex(levels, depth) < 0) {
    return { ok: false, reason: `depth: must be one of ${levels.map((l) => l.id).join(', ')}` };
  }
  if (levelIndex(levels, depth) < levelIndex(levels, area.level)) {
    return { ok: false, reason: `depth: ${depth} is above the area's level ${area.level}` };
  }
  if (resume !== undefined) {
    const point = resume as Record<string, unknown> | null;
    if (typeof point !== 'object' || point === null || typeof point.streamId !== 'string' || !Number.isInteger(point.seq)) {
      return { ok: false, reason: 'resume: must be { streamId, seq }' };
    }
    return { ok: true, request: { roundId, areaId, depth, resume: { streamId: point.streamId, seq: point.seq as number } } };
  }
  return { ok: true, request: { roundId, areaId, depth } };
}
