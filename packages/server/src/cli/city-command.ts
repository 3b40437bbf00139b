import { writeCity } from '../city/write-city.js';
import { isScaleName, SCALE_NAMES } from '../city/scales.js';
import { ProgressBar } from './progress-bar.js';
import { integerOption, parseOptions, UsageError } from './usage-error.js';

export const CITY_HELP = `Usage: gridsweep city --out DIR [--seed N] [--scale NAME] [--quiet]

Generates a synthetic Fuzhou-like city, the same for the same seed and scale.

Options:
  --out DIR       folder to write into (created if missing); required
  --seed N        integer seed, default 7
  --scale NAME    ${SCALE_NAMES.join(' | ')}, default demo
                    tiny      under 1 000 households (unit tests)
                    demo      about 60 000 households, 6 districts, over 1 000 micro-grids
                    district  about 170 000 households in one district
                    city      about 3 000 000 households, about 65 000 micro-grids
  --quiet         no progress bar on stderr
  -h, --help      this text

Writes areas.geojson, buildings.geojson, households.ndjson, members.ndjson and
city.json (seed, scale and counts). Phone numbers all start with 1000, which no
real Chinese number does.
`;

export async function cityCommand(args: readonly string[]): Promise<void> {
  const values = parseOptions(args, {
    out: { type: 'string' },
    seed: { type: 'string', default: '7' },
    scale: { type: 'string', default: 'demo' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(CITY_HELP);
    return;
  }
  if (values.out === undefined || values.out === '') throw new UsageError('--out is required: the folder to write the city into');
  const seed = integerOption('seed', values.seed, 0);
  const scale = values.scale;
  if (!isScaleName(scale)) throw new UsageError(`--scale must be one of ${SCALE_NAMES.join(', ')}, got "${scale}"`);
  const bar = values.quiet ? undefined : new ProgressBar();
  const started = performance.now();
  const summary = await writeCity({
    seed,
    scale,
    out: values.out,
    onProgress: ({ phase, done, total }) => bar?.update(phase === 'areas' ? 'districts' : 'micro-grids', done, total),
  });
  bar?.finish();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { areas, buildings, households, members } = summary.counts;
  process.stderr.write(
    `wrote ${areas} areas, ${buildings} buildings, ${households} households, ${members} members to ${values.out} in ${seconds} s\n`,
  );
}
