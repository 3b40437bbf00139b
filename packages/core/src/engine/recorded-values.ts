import { MEMBER_KEY_SPAN, type EngineTerritory } from './engine-territory.js';
import type { RoundState } from './round-state.js';
import type { FieldCodes, TemplateCodes } from './template-codes.js';

/** Reads stamps back as field id to option id, for people and for tests; not on the hot path. */
export class RecordedValues {
  constructor(
    private readonly territory: EngineTerritory,
    private readonly codes: TemplateCodes,
  ) {}

  household(round: RoundState, householdId: string): Readonly<Record<string, string>> | undefined {
    const h = this.territory.householdIndex.get(householdId);
    if (h === undefined) return undefined;
    const values: Record<string, string> = {};
    put(values, this.codes.outcome, round.householdStamp[h]! & 15);
    return values;
  }

  member(round: RoundState, memberId: string): Readonly<Record<string, string>> | undefined {
    const key = this.territory.memberIndex.get(memberId);
    if (key === undefined) return undefined;
    const household = Math.floor(key / MEMBER_KEY_SPAN);
    const stamp = round.memberStamp[this.territory.firstSlot(household) + (key % MEMBER_KEY_SPAN)]!;
    const values: Record<string, string> = {};
    put(values, this.codes.status, stamp & 15);
    if (this.codes.marker) put(values, this.codes.marker, (stamp >>> 4) & 15);
    return values;
  }
}

function put(values: Record<string, string>, field: FieldCodes, code: number): void {
  if (code !== 0) values[field.fieldId] = field.optionIds[code - 1]!;
}
