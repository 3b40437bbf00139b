import { ROOT_AREA_ID } from '../city/generate-areas.js';
import { readCity } from '../city/read-city.js';
import { TextSink } from '../city/text-sink.js';
import { DEFAULT_FAULT_RATES } from '../simulator/options.js';
import { playMorning, type Speed } from '../simulator/play-morning.js';
import { simulateMorning } from '../simulator/simulate-morning.js';
import { ProgressBar } from './progress-bar.js';
import { integerOption, parseOptions, rateOption, UsageError } from './usage-error.js';

/** 08:00 in Fuzhou on the day of a 2022 citywide round: a fixed default keeps output reproducible. */
export const DEFAULT_STARTS_AT = '2022-11-14T08:00:00+08:00';

export const SIMULATE_HELP = `Usage: gridsweep simulate --city DIR --out FILE [options]

Simulates a sweep morning over a city written by "gridsweep city" and writes
the sweep events, one JSON object a line, in the order they reach the server
(a duplicate send appears twice). The same seed gives the same file.

Options:
  --city DIR               folder written by "gridsweep city"; required
  --out FILE               file to write, or - for stdout; required
  --seed N                 integer seed, default 7
  --round ID               round id put on every event, default r1
  --area ID                area whose micro-grids are swept, default ${ROOT_AREA_ID} (the whole city)
  --starts-at TIME         ISO 8601 time the round starts, or "now"; default ${DEFAULT_STARTS_AT}
  --speed S                max (as fast as possible, the default), or a factor:
                           1 real time, 10 or 100 accelerated
  --duplicate-rate R       share of events sent twice, default ${DEFAULT_FAULT_RATES.duplicate}
  --out-of-order-rate R    share of events delayed past later ones, default ${DEFAULT_FAULT_RATES.outOfOrder}
  --offline-rate R         share of teams offline for a stretch, then sending a burst, default ${DEFAULT_FAULT_RATES.offline}
  --correction-rate R      share of tested members first sent as not tested, default ${DEFAULT_FAULT_RATES.correction}
  --quiet                  no progress on stderr
  -h, --help               this text
`;

export async function simulateCommand(args: readonly string[]): Promise<void> {
  const values = parseOptions(args, {
    city: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '7' },
    round: { type: 'string', default: 'r1' },
    area: { type: 'string', default: ROOT_AREA_ID },
    'starts-at': { type: 'string', default: DEFAULT_STARTS_AT },
    speed: { type: 'string', default: 'max' },
    'duplicate-rate': { type: 'string', default: String(DEFAULT_FAULT_RATES.duplicate) },
    'out-of-order-rate': { type: 'string', default: String(DEFAULT_FAULT_RATES.outOfOrder) },
    'offline-rate': { type: 'string', default: String(DEFAULT_FAULT_RATES.offline) },
    'correction-rate': { type: 'string', default: String(DEFAULT_FAULT_RATES.correction) },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(SIMULATE_HELP);
    return;
  }
  if (!values.city) throw new UsageError('--city is required: a folder written by "gridsweep city"');
  if (!values.out) throw new UsageError('--out is required: a file, or - for stdout');
  const seed = integerOption('seed', values.seed, 0);
  const startsAt = values['starts-at'] === 'now' ? Date.now() : Date.parse(values['starts-at']);
  if (!Number.isFinite(startsAt)) throw new UsageError(`--starts-at must be an ISO 8601 time or "now", got "${values['starts-at']}"`);
  const speed = parseSpeed(values.speed);
  const faults = {
    duplicate: rateOption('duplicate-rate', values['duplicate-rate']),
    outOfOrder: rateOption('out-of-order-rate', values['out-of-order-rate']),
    offline: rateOption('offline-rate', values['offline-rate']),
    correction: rateOption('correction-rate', values['correction-rate']),
  };

  const territory = await readCity(values.city);
  if (territory.area(values.area) === undefined) throw new UsageError(`--area: the city has no area with id "${values.area}"`);
  const morning = simulateMorning({ territory, seed, faults, round: { id: values.round, areaId: values.area, startsAt } });
  const bar = values.quiet ? undefined : new ProgressBar();
  const sink = values.out === '-' ? undefined : new TextSink(values.out);
  let sent = 0;
  for await (const batch of playMorning(morning, { speed })) {
    const text = batch.events.map((event) => JSON.stringify(event) + '\n').join('');
    if (sink) await sink.write(text);
    else if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    sent += batch.events.length;
    bar?.update('events', sent, morning.deliveries.length);
  }
  await sink?.close();
  bar?.finish();
  if (!values.quiet) {
    process.stderr.write(`${morning.eventCount} events from ${morning.teamCount} teams, ${morning.deliveries.length} sends\n`);
  }
}

function parseSpeed(value: string): Speed {
  if (value === 'max') return 'max';
  const factor = Number(value);
  if (value.trim() === '' || !Number.isFinite(factor) || factor <= 0) {
    throw new UsageError(`--speed must be "max" or a positive factor such as 1, 10 or 100, got "${value}"`);
  }
  return factor;
}
