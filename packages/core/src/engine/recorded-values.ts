import { MEMBER_KEY_SPAN, type EngineTerritory } from './engine-territory.js';
import type { RoundState } from './round-state.js';
import type { FieldCodes } from './template-codes.js';

/** Reads stamps back as field id to option id (counted fields only), for the door list, people and tests; not on the hot path. */
export function householdValues(territory: EngineTerritory, round: RoundState, householdId: string): Readonly<Record<string, string>> | undefined {
  const h = territory.householdIndex.get(householdId);
  if (h === undefined) return undefined;
  return householdValuesAt(round, h);
}

export function householdValuesAt(round: RoundState, household: number): Readonly<Record<string, string>> {
  const values: Record<string, string> = {};
  put(values, round.codes.outcome, round.householdStamp[household]! & 15);
  return values;
}

export function memberValues(territory: EngineTerritory, round: RoundState, memberId: string): Readonly<Record<string, string>> | undefined {
  const key = territory.memberIndex.get(memberId);
  if (key === undefined) return undefined;
  const household = Math.floor(key / MEMBER_KEY_SPAN);
  const stamp = round.memberStamp[territory.firstSlot(household) + (key % MEMBER_KEY_SPAN)]!;
  const values: Record<string, string> = {};
  put(values, round.codes.status, stamp & 15);
  if (round.codes.marker) put(values, round.codes.marker, (stamp >>> 4) & 15);
  return values;
}

function put(values: Record<string, string>, field: FieldCodes, code: number): void {
  if (code !== 0) values[field.fieldId] = field.optionIds[code - 1]!;
}
