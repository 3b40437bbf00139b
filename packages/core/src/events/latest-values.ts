import type { CampaignTemplate } from '../campaign/template.js';
import { templateFields } from '../campaign/template.js';
import { tickOf, tickOrigin } from '../engine/stamp.js';

/** One stored observation of a household or one of its members. */
export interface Observation {
  readonly deviceTime: number;
  readonly memberId?: string | null;
  readonly values: Readonly<Record<string, string>>;
}

/** The latest value of each field of a household and of each of its members, with when it was recorded. */
export interface LatestValues {
  readonly household: Readonly<Record<string, string>>;
  readonly members: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** The device time of the latest observation that won any field, or null with none. */
  readonly lastRecordedAt: number | null;
}

/**
 * "What is recorded now", field by field, in the engine's order: the later
 * 128 ms tick wins (ticks counted as the engine counts them for the round);
 * within a tick, a choice field keeps the option listed later in the
 * template, as the engine does, and a detail field the greater text. Any
 * order of the same observations gives the same answer.
 */
export function latestValues(observations: Iterable<Observation>, round: { readonly startsAt: number }, template: CampaignTemplate): LatestValues {
  const origin = tickOrigin(round.startsAt);
  const fields = templateFields(template);
  const rank = new Map<string, Map<string, number>>();
  for (const field of [...fields.household, ...fields.member]) if (field.kind === 'choice') rank.set(field.id, new Map(field.optionIds.map((id, i) => [id, i + 1])));
  type Held = { tick: number; value: string; deviceTime: number };
  const best = new Map<string, Map<string, Held>>();
  let lastRecordedAt: number | null = null;
  for (const observation of observations) {
    const subject = observation.memberId ?? '';
    let record = best.get(subject);
    if (!record) best.set(subject, (record = new Map<string, Held>()));
    const tick = tickOf(observation.deviceTime, origin);
    for (const [field, value] of Object.entries(observation.values)) {
      const held = record.get(field);
      if (held && !later(tick, value, held.tick, held.value, rank.get(field))) continue;
      record.set(field, { tick, value, deviceTime: observation.deviceTime });
    }
  }
  const plain = (record: Map<string, { value: string; deviceTime: number }> | undefined) => {
    const values: Record<string, string> = {};
    for (const [field, held] of record ?? []) {
      values[field] = held.value;
      lastRecordedAt = Math.max(lastRecordedAt ?? held.deviceTime, held.deviceTime);
    }
    return values;
  };
  const household = plain(best.get(''));
  const members = new Map<string, Record<string, string>>();
  for (const [subject, record] of best) if (subject !== '') members.set(subject, plain(record));
  return { household, members, lastRecordedAt };
}

function later(tick: number, value: string, heldTick: number, heldValue: string, options: ReadonlyMap<string, number> | undefined): boolean {
  if (tick !== heldTick) return tick > heldTick;
  if (options) return (options.get(value) ?? 0) > (options.get(heldValue) ?? 0);
  return value > heldValue;
}
