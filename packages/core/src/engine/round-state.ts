import type { Round } from '../campaign/round.js';
import { EVERYONE } from './contributions.js';
import { withLength } from './growable.js';
import type { MemberSlotOwner } from './engine-territory.js';
import { tickOrigin } from './stamp.js';
import type { TemplateCodes } from './template-codes.js';

/** The latest birth code (year − 1900) of a member old enough for the age limit in the year the round starts. */
function populationLimit(round: Round, minAge: number | null): number {
  if (minAge === null) return EVERYONE;
  const latestBirthYear = new Date(round.startsAt).getUTCFullYear() - minAge;
  return Math.max(0, Math.min(254, latestBirthYear - 1900));
}

/**
 * Everything one round knows: its compiled template, a stamp per household
 * and per member slot, the few marker ticks that differ from their member's
 * status tick, the counters of every area, and which areas changed since
 * changes were last taken (with their counters as they were then).
 */
export class RoundState implements MemberSlotOwner {
  readonly origin: number;
  readonly populationLimit: number;
  householdStamp: Uint32Array = new Uint32Array(0);
  memberStamp: Uint32Array = new Uint32Array(0);
  /** Member key to the marker's tick, only where it differs from the status tick. */
  readonly markerTicks = new Map<number, number>();
  counts: Int32Array = new Int32Array(0);
  changed: Uint8Array = new Uint8Array(0);
  readonly changedAreas: number[] = [];
  readonly countsBefore = new Map<number, Int32Array>();

  constructor(
    readonly round: Round,
    readonly codes: TemplateCodes,
  ) {
    this.origin = tickOrigin(round.startsAt);
    this.populationLimit = populationLimit(round, codes.template.population.minAge);
  }

  get stride(): number {
    return this.codes.stride;
  }

  reserve(areas: number, households: number, memberSlots: number): void {
    this.counts = withLength(this.counts, areas * this.stride);
    this.changed = withLength(this.changed, areas);
    this.householdStamp = withLength(this.householdStamp, households);
    this.memberStamp = withLength(this.memberStamp, memberSlots);
  }

  /** Notes the area's counters as they are now, the first time it changes after the last take. */
  touch(area: number): void {
    if (this.changed[area] !== 0) return;
    this.changed[area] = 1;
    this.changedAreas.push(area);
    const offset = area * this.stride;
    this.countsBefore.set(area, this.counts.slice(offset, offset + this.stride));
  }

  forgetChanges(): void {
    for (const area of this.changedAreas) this.changed[area] = 0;
    this.changedAreas.length = 0;
    this.countsBefore.clear();
  }

  reserveMemberSlots(length: number): void {
    this.memberStamp = withLength(this.memberStamp, length);
  }

  moveMemberSlots(from: number, to: number, length: number): void {
    if (length > 0) this.memberStamp.copyWithin(to, from, from + length);
  }

  clearMemberSlot(slot: number): void {
    this.memberStamp[slot] = 0;
  }

  get byteLength(): number {
    return this.householdStamp.byteLength + this.memberStamp.byteLength + this.counts.byteLength + this.changed.byteLength;
  }
}
