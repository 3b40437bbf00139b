import { NUCLEIC_ACID_TEMPLATE, type Round } from '@gridsweep/core';
import type { FastifyInstance } from 'fastify';
import { cityRecords, ROOT_AREA_ID } from '../city/index.js';
import { runMorning, simulateMorning } from '../simulator/index.js';
import { createDemoAccounts, type DemoAccount } from './demo-accounts.js';
import type { DemoOptions } from './demo-options.js';

export const DEMO_ROUND_ID = 'demo';
/** The ingest's own limit per batch. */
const EVENTS_PER_SUBMISSION = 500;

/**
 * Makes the demo: on an empty database, generates the synthetic city, one
 * account per role and opens a round; then plays the round's simulated morning into the ingest,
 * live. After a restart it picks the morning up where the clock says it is:
 * the simulation is deterministic, and events already stored come back as
 * duplicates that change nothing.
 */
export async function runDemo(
  fastify: FastifyInstance,
  options: DemoOptions,
  signal: AbortSignal,
  onAccountsCreated: (accounts: readonly DemoAccount[]) => void = () => {},
): Promise<void> {
  const { roster, ingest, log } = fastify;
  if (roster.territory.size.areas === 0) {
    log.info({ scale: options.scale, seed: options.seed }, 'demo: generating the synthetic city');
    await roster.loadTerritory(cityRecords({ seed: options.seed, scale: options.scale }));
    log.info(roster.territory.size, 'demo: city loaded');
  }
  const accounts = await createDemoAccounts(fastify.access.users, roster.territory);
  if (accounts) onAccountsCreated(accounts);
  const round = roster.round(DEMO_ROUND_ID) ?? (await roster.addRound(demoRound(options)));
  const morning = simulateMorning({ territory: roster.territory, round, seed: options.seed });
  // Simulated time runs `speed` times faster than the wall clock from the round's start.
  const from = options.speed === 'max' ? round.startsAt : round.startsAt + (Date.now() - round.startsAt) * options.speed;
  log.info({ round: round.id, events: morning.eventCount, teams: morning.teamCount, speed: options.speed }, 'demo: sweep morning playing');
  await runMorning(morning, {
    speed: options.speed,
    from,
    signal,
    sink: async ({ events }) => {
      for (let i = 0; i < events.length; i += EVENTS_PER_SUBMISSION) {
        if (signal.aborted) return;
        await ingest.ingest(events.slice(i, i + EVENTS_PER_SUBMISSION));
      }
    },
  });
  if (!signal.aborted) log.info({ round: round.id }, 'demo: the sweep morning is over');
}

function demoRound(options: DemoOptions): Round {
  // Started early by the head start in simulated time, so the first look at
  // the map already shows teams at work.
  const speed = options.speed === 'max' ? 1 : options.speed;
  const startsAt = Math.round(Date.now() - (options.headStartMinutes * 60_000) / speed);
  const day = new Date(startsAt);
  return {
    id: DEMO_ROUND_ID,
    name: `${day.getMonth() + 1}-${day.getDate()} 全员核酸（演示）`,
    templateId: NUCLEIC_ACID_TEMPLATE.id,
    areaId: ROOT_AREA_ID,
    startsAt,
  };
}
