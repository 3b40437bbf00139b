import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { writeDailyReport } from '../src/reports/daily-report.js';
import type { TableSink } from '../src/reports/table-sink.js';

/**
 * The city's daily report for round r1, written in-process by the sink
 * `open` makes into a stream that only counts bytes: the writers compared on
 * the same areas and counts, without HTTP.
 */
export async function timedWrite(app: FastifyInstance, open: (out: Writable) => TableSink): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const round = app.roster.round('r1')!;
  const area = app.roster.territory.area('c')!;
  const started = performance.now();
  const sink = open(out);
  await writeDailyReport(sink, { round, area, campaign: app.roster.campaignOf(round) }, { territory: app.roster.territory, counts: (r, a) => app.counting.counts(r, a) });
  await sink.finish();
  return { ms: Math.round(performance.now() - started), bytes };
}
