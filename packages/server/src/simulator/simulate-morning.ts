import { leafLevel, NUCLEIC_ACID_TEMPLATE, type CampaignTemplate, type Round, type Territory } from '@gridsweep/core';
import { Random } from '../city/random.js';
import { deliver, type Delivery } from './deliveries.js';
import { DEFAULT_BEHAVIOUR, DEFAULT_FAULT_RATES, faultRateProblem, type FaultRates, type SweepBehaviour } from './options.js';
import { sweepTeam } from './sweep-team.js';

export interface MorningOptions {
  readonly territory: Territory;
  /** The round swept: its id goes on every event, its area's micro-grids get a team each, it starts at startsAt. */
  readonly round: Pick<Round, 'id' | 'areaId' | 'startsAt'>;
  /** The round's template; the nucleic-acid one when left out. */
  readonly template?: CampaignTemplate;
  readonly seed: number | string;
  readonly faults?: Partial<FaultRates>;
  readonly behaviour?: Partial<SweepBehaviour>;
}

export interface SimulatedMorning {
  readonly roundId: string;
  readonly startsAt: number;
  /** Every arrival at the server, in arrival order. */
  readonly deliveries: readonly Delivery[];
  /** Distinct events (a duplicate counts once). */
  readonly eventCount: number;
  readonly teamCount: number;
}

/**
 * A sweep morning over the round's area: one team per micro-grid, each
 * with its own pace and start, the network's faults on top. Deterministic for
 * a seed. The whole morning is planned up front (a demo city's morning is a
 * few hundred thousand events); playMorning then releases it in time.
 */
export function simulateMorning(options: MorningOptions): SimulatedMorning {
  const { territory, round } = options;
  const faults: FaultRates = { ...DEFAULT_FAULT_RATES, ...options.faults };
  const problem = faultRateProblem(faults);
  if (problem) throw new RangeError(problem);
  const behaviour: SweepBehaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  if (territory.area(round.areaId) === undefined) throw new RangeError(`round.areaId: no area has id ${round.areaId}`);
  const random = new Random(`gridsweep-morning/${String(options.seed)}/${round.id}`);
  const arrivals: Delivery[] = [];
  let eventCount = 0;
  const microgrids = microgridsUnder(territory, round.areaId);
  for (const microgridId of microgrids) {
    const teamRandom = random.fork(`team/${microgridId}`);
    const events = sweepTeam({
      territory,
      template: options.template ?? NUCLEIC_ACID_TEMPLATE,
      microgridId,
      roundId: round.id,
      startsAt: round.startsAt,
      behaviour,
      correctionRate: faults.correction,
      random: teamRandom,
    });
    eventCount += events.length;
    for (const delivery of deliver(events, faults, teamRandom.fork('network'))) arrivals.push(delivery);
  }
  // Stable sort: equal arrival times keep team order, so the result is the same every run.
  arrivals.sort((a, b) => a.at - b.at);
  return { roundId: round.id, startsAt: round.startsAt, deliveries: arrivals, eventCount, teamCount: microgrids.length };
}

/** The micro-grids (deepest-level areas) in the subtree of an area, depth first. */
export function microgridsUnder(territory: Territory, areaId: string): string[] {
  const leaf = leafLevel(territory.levels).id;
  const found: string[] = [];
  const stack = [areaId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (territory.areaLevel(id) === leaf) found.push(id);
    else stack.push(...territory.children(id).map((child) => child.id).reverse());
  }
  return found;
}
