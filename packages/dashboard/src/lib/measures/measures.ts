import type { AreaCountsRow, Figure } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';
import { cssColour, PALETTE, type ColourClass } from './palette.js';
import { countAt } from './count-at.js';

/** A figure the map can be coloured by. */
export interface Measure {
  readonly id: string;
  /** The key of the figure in the counts API's `figures`. */
  readonly figure: string;
  readonly label: MessageKey;
  /** The count paths of numerator and denominator, for servers that send counts without figures. */
  readonly ratio: readonly [numerator: string, denominator: string];
  /** Lower bounds of each class, highest first; below the last is red. */
  readonly bands: readonly { readonly from: number; readonly colour: ColourClass }[];
}

const FRACTION_BANDS: Measure['bands'] = [
  { from: 0.95, colour: 'green' },
  { from: 0.8, colour: 'yellow' },
  { from: 0.5, colour: 'orange' },
  { from: 0, colour: 'red' },
];

export const MEASURES: readonly Measure[] = [
  { id: 'coverage', figure: 'coverage', label: 'measure.coverage', ratio: ['households.visited', 'households.toVisit'], bands: FRACTION_BANDS },
  { id: 'testRate', figure: 'testRate', label: 'measure.testRate', ratio: ['members.tested', 'members.eligible'], bands: FRACTION_BANDS },
];

export function measureById(id: string): Measure {
  return MEASURES.find((measure) => measure.id === id) ?? MEASURES[0]!;
}

/**
 * The area's figure for a measure: the server's when it sent one, else the
 * plain ratio of its counts; null for "no data" (nothing to visit is no data,
 * not 0 %).
 */
export function figureOf(row: AreaCountsRow | undefined, measure: Measure): Figure | null {
  if (!row) return null;
  const figure = row.figures?.[measure.figure];
  if (figure) return typeof figure.value === 'number' && Number.isFinite(figure.value) ? figure : null;
  const numerator = countAt(row.counts, measure.ratio[0]);
  const denominator = countAt(row.counts, measure.ratio[1]);
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return { value: numerator / denominator, numerator, denominator };
}

/**
 * The colour an area gets for a measure, or null for "no data". The server's
 * colour class wins so the map agrees with every other report; the bands are
 * the fallback when it sends only a value.
 */
export function colourFor(row: AreaCountsRow | undefined, measure: Measure): string | null {
  const figure = figureOf(row, measure);
  if (!figure) return null;
  const fromServer = cssColour(figure.colour);
  if (fromServer && figure.colour !== 'grey') return fromServer;
  const band = measure.bands.find((candidate) => figure.value! >= candidate.from);
  return PALETTE[band?.colour ?? 'red'];
}

/** Legend entries, highest class first, as [colour, lower bound] pairs. */
export function legendOf(measure: Measure): readonly { readonly colour: string; readonly from: number; readonly to: number | null }[] {
  return measure.bands.map((band, index) => ({
    colour: PALETTE[band.colour],
    from: band.from,
    to: index === 0 ? null : measure.bands[index - 1]!.from,
  }));
}
