import { randomSource, type SyntheticCity } from './synthetic-city.js';

/** Outcome option codes of the nucleic-acid template: visited, no answer, vacant, refused. */
const OUTCOME_WEIGHTS = [0, 0.86, 0.08, 0.02, 0.04];
/** Test status codes: tested, not tested, exempt, away. */
const STATUS_WEIGHTS = [0, 0.88, 0.03, 0.04, 0.05];
/** Code colours: green, yellow, red, unknown. */
const CODE_WEIGHTS = [0, 0.96, 0.025, 0.005, 0.01];

/**
 * A morning's sweep as columns: teams visit households in a scattered order
 * over a few hours; a visited household's members follow their household's
 * event; 5% of households are not reached; 4% of households get a correction ten minutes
 * correction of one member (most re-record status and code, some only the
 * status); 3% of events are retried (sent twice) and 5% arrive after the
 * event that followed them.
 */
export interface EventStream {
  readonly length: number;
  readonly household: Int32Array;
  /** Member ordinal within the household, -1 for the household itself. */
  readonly member: Int8Array;
  readonly deviceTime: Float64Array;
  /** Option codes as `CountingEngine.encodeValues` makes them. */
  readonly codes: Uint8Array;
  /** Stands for the event id: ties on device time are broken by it in the baseline. */
  readonly idOrder: Uint32Array;
}

export function eventStream(city: SyntheticCity, startsAt: number, seed = 1114): EventStream {
  const random = randomSource(seed);
  const pick = (weights: readonly number[]) => {
    let r = random();
    let code = 1;
    while (code < weights.length - 1 && r > weights[code]!) r -= weights[code++]!;
    return code;
  };
  const capacity = Math.ceil(city.households * 1.1 + city.members * 1.1) + 16;
  const household = new Int32Array(capacity);
  const member = new Int8Array(capacity);
  const deviceTime = new Float64Array(capacity);
  const codes = new Uint8Array(capacity);
  const idOrder = new Uint32Array(capacity);
  let length = 0;
  const push = (h: number, m: number, time: number, c: number) => {
    household[length] = h;
    member[length] = m;
    deviceTime[length] = time;
    codes[length] = c;
    idOrder[length] = Math.floor(random() * 4294967296);
    length++;
    if (random() < 0.03) copy(length - 1, length++);
  };
  const copy = (from: number, to: number) => {
    household[to] = household[from]!;
    member[to] = member[from]!;
    deviceTime[to] = deviceTime[from]!;
    codes[to] = codes[from]!;
    idOrder[to] = idOrder[from]!;
  };
  const order = new Int32Array(city.households);
  for (let h = 0; h < order.length; h++) order[h] = h;
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const memberCounts = city.bulk.householdMemberCounts;
  const morning = 4 * 3600 * 1000;
  const opens = startsAt + 8 * 3600 * 1000;
  for (let i = 0; i < order.length; i++) {
    if (random() < 0.05) continue;
    const h = order[i]!;
    let time = opens + Math.floor((i / order.length) * morning);
    const outcome = pick(OUTCOME_WEIGHTS);
    push(h, -1, time, outcome);
    if (outcome === 1) {
      for (let m = 0; m < memberCounts[h]!; m++) push(h, m, (time += 15_000), pick(STATUS_WEIGHTS) | (pick(CODE_WEIGHTS) << 4));
    }
    if (random() < 0.04 && i > 100) {
      const earlier = order[i - 1 - Math.floor(random() * 100)]!;
      const m = Math.floor(random() * memberCounts[earlier]!);
      push(earlier, m, time + 600_000, random() < 0.7 ? 1 | (1 << 4) : 1);
    }
  }
  for (let i = 0; i + 1 < length; i++) {
    if (random() >= 0.05) continue;
    copy(i, capacity - 1);
    copy(i + 1, i);
    copy(capacity - 1, i + 1);
    i++;
  }
  return {
    length,
    household: household.subarray(0, length),
    member: member.subarray(0, length),
    deviceTime: deviceTime.subarray(0, length),
    codes: codes.subarray(0, length),
    idOrder: idOrder.subarray(0, length),
  };
}
