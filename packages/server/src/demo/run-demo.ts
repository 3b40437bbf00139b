import { ELDERLY_VACCINATION_RULES, ELDERLY_VACCINATION_TEMPLATE, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, Territory, type CampaignTemplate, type CountingRules, type Round } from '@gridsweep/core';
import type { FastifyInstance } from 'fastify';
import { cityRecords, ROOT_AREA_ID } from '../city/index.js';
import type { TerritoryRecords } from '../repositories/territory-repository.js';
import { runMorning, simulateMorning } from '../simulator/index.js';
import { createDemoAccounts, type DemoAccount } from './demo-accounts.js';
import type { DemoOptions } from './demo-options.js';

export const DEMO_ROUND_ID = 'demo';
/** The second demo round: the elderly vaccination census, swept at the same time over the same city. */
export const DEMO_CENSUS_ROUND_ID = 'demo-census';
/** The ingest's own limit per batch. */
const EVENTS_PER_SUBMISSION = 500;

interface DemoRound {
  readonly id: string;
  readonly label: string;
  readonly template: CampaignTemplate;
  readonly rules: CountingRules;
}

const DEMO_ROUNDS: readonly DemoRound[] = [
  { id: DEMO_ROUND_ID, label: '全员核酸（演示）', template: NUCLEIC_ACID_TEMPLATE, rules: NUCLEIC_ACID_RULES },
  { id: DEMO_CENSUS_ROUND_ID, label: '老年人疫苗接种摸排（演示）', template: ELDERLY_VACCINATION_TEMPLATE, rules: ELDERLY_VACCINATION_RULES },
];

/**
 * Makes the demo: on an empty database, generates the synthetic city, one
 * account per role and opens two rounds of different templates (a test round
 * and the vaccination census); then plays each round's simulated morning into
 * the ingest, live. After a restart it picks the mornings up where the clock
 * says they are: the simulation is deterministic, and events already stored
 * come back as duplicates that change nothing.
 */
export async function runDemo(
  fastify: FastifyInstance,
  options: DemoOptions,
  signal: AbortSignal,
  onAccountsCreated: (accounts: readonly DemoAccount[]) => void = () => {},
): Promise<void> {
  const { roster, log } = fastify;
  let records: Required<TerritoryRecords>;
  if (roster.territory.size.areas === 0) {
    log.info({ scale: options.scale, seed: options.seed }, 'demo: generating the synthetic city');
    records = cityRecords({ seed: options.seed, scale: options.scale });
    await roster.loadTerritory(records);
    log.info(roster.territory.size, 'demo: city loaded');
  } else {
    records = await fastify.territoryRepository.all();
  }
  const accounts = await createDemoAccounts(fastify.access.users, roster.territory);
  if (accounts) onAccountsCreated(accounts);
  // The simulator plans whole mornings from the roster as records; the server itself keeps no such copy.
  const territory = territoryOf(records);
  await Promise.all(DEMO_ROUNDS.map((demo) => playRound(fastify, options, signal, territory, demo)));
}

async function playRound(fastify: FastifyInstance, options: DemoOptions, signal: AbortSignal, territory: Territory, demo: DemoRound): Promise<void> {
  const { roster, ingest, log } = fastify;
  const round = roster.round(demo.id) ?? (await roster.addRound(demoRound(options, demo)));
  const morning = simulateMorning({ territory, round, template: demo.template, seed: options.seed });
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

function territoryOf(records: Required<TerritoryRecords>): Territory {
  const territory = new Territory();
  for (const area of records.areas) territory.addArea(area);
  for (const building of records.buildings) territory.addBuilding(building);
  for (const household of records.households) territory.addHousehold(household);
  for (const member of records.members) territory.addMember(member);
  return territory;
}

function demoRound(options: DemoOptions, demo: DemoRound): Round {
  // Started early by the head start in simulated time, so the first look at
  // the map already shows teams at work.
  const speed = options.speed === 'max' ? 1 : options.speed;
  const startsAt = Math.round(Date.now() - (options.headStartMinutes * 60_000) / speed);
  const day = new Date(startsAt);
  return {
    id: demo.id,
    name: `${day.getMonth() + 1}-${day.getDate()} ${demo.label}`,
    templateId: demo.template.id,
    templateVersion: demo.template.version,
    rulesId: demo.rules.id,
    rulesVersion: demo.rules.version,
    areaId: ROOT_AREA_ID,
    startsAt,
  };
}
