import { CLIENT_MESSAGES, compileCheck } from '@gridsweep/contract';
import { levelIndex, type SubscribeRequestV1, type ValidationIssue } from '@gridsweep/core';
import type { RosterTerritory as Territory } from '../roster-territory.js';

const checkShape = compileCheck(CLIENT_MESSAGES['counts.subscribe:v3'].payload);

/**
 * Checks a subscription request from a socket: its shape against the
 * contract's schema, then that its round, area and depth exist and fit.
 * Answers the issues naming each field when it is not one.
 */
export function checkSubscribeRequest(
  input: unknown,
  territory: Territory,
  roundExists: (roundId: string) => boolean,
): { ok: true; request: SubscribeRequestV1 } | { ok: false; issues: readonly ValidationIssue[] } {
  const shape = checkShape(input);
  if (!shape.ok) return shape;
  const request = shape.value;
  const refuse = (field: string, reason: string) => ({ ok: false as const, issues: [{ field, reason }] });
  if (!roundExists(request.roundId)) return refuse('roundId', 'no such round');
  const area = territory.area(request.areaId);
  if (!area) return refuse('areaId', `no area has id ${request.areaId}`);
  const levels = territory.levels;
  if (levelIndex(levels, request.depth) < 0) return refuse('depth', `must be one of ${levels.map((l) => l.id).join(', ')}`);
  if (levelIndex(levels, request.depth) < levelIndex(levels, area.level)) return refuse('depth', `${request.depth} is above the area's level ${area.level}`);
  return { ok: true, request };
}
