import type { AreaCounts } from '@gridsweep/core';
import fp from 'fastify-plugin';
import { CoverageRecorder, DEFAULT_KEPT_SAMPLES } from '../../counting/coverage-recorder.js';
import { startTickClock } from '../../live/tick-clock.js';

const DEFAULT_SAMPLE_MS = 30_000;

declare module 'fastify' {
  interface FastifyInstance {
    coverageHistory: CoverageRecorder;
  }
}

/** Samples every round's counts on a fixed period, so a wall opened late still draws the whole morning. */
export const coverageHistoryPlugin = fp(
  async (fastify) => {
    const { counting, roster } = fastify;
    const recorder = new CoverageRecorder(
      {
        roundIds: () => roster.allRounds().map((round) => round.id),
        progress: (roundId) => {
          const round = roster.round(roundId);
          if (!round) return undefined;
          const counts: AreaCounts = counting.counts(round.id, round.areaId);
          return {
            households: { visited: counts.households.visited, toVisit: counts.households.toVisit },
            members: { done: counts.members.done, eligible: counts.members.eligible },
          };
        },
      },
      fastify.appOptions.historySamples ?? DEFAULT_KEPT_SAMPLES,
    );
    const sampleMs = fastify.appOptions.config.historySampleMs ?? DEFAULT_SAMPLE_MS;
    const stop = startTickClock(sampleMs, () => recorder.sample());
    fastify.decorate('coverageHistory', recorder);
    fastify.addHook('onReady', async () => recorder.sample());
    fastify.addHook('onClose', async () => stop());
  },
  { name: 'coverage-history', dependencies: ['counting', 'roster'] },
);
