import { colourBandOf, DEFAULT_RULES, type CountingRules } from '@gridsweep/core';
import type { AreaCountsRow, Figure } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';
import { countAt } from './count-at.js';
import { cssColour, PALETTE } from './palette.js';

/** A figure the map can be coloured by, named as the core's rules name it. */
export interface Measure {
  readonly id: 'coverage' | 'testRate';
  readonly label: MessageKey;
  /** The counts it is the ratio of, as the core's evaluateArea defines it. */
  readonly ratio: readonly [numerator: string, denominator: string];
}

export const MEASURES: readonly Measure[] = [
  { id: 'coverage', label: 'measure.coverage', ratio: ['households.visited', 'households.toVisit'] },
  { id: 'testRate', label: 'measure.testRate', ratio: ['members.tested', 'members.eligible'] },
];

export function measureById(id: string): Measure {
  return MEASURES.find((measure) => measure.id === id) ?? MEASURES[0]!;
}

/**
 * The area's figure for a measure: the server's when it sent one, else the
 * ratio of its counts; null for "no data" (nothing to visit is no data, not
 * 0 %). Computed directly rather than through evaluateArea because the map
 * needs it for every area at every update, and the explanation texts only for one.
 */
export function figureOf(row: AreaCountsRow | undefined, measure: Measure): Figure | null {
  if (!row) return null;
  const figure = row.figures?.[measure.id];
  if (figure) return typeof figure.value === 'number' && Number.isFinite(figure.value) ? figure : null;
  const numerator = countAt(row.counts, measure.ratio[0]);
  const denominator = countAt(row.counts, measure.ratio[1]);
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return { value: numerator / denominator, numerator, denominator };
}

/**
 * The colour an area gets for a measure, or null for "no data". The server's
 * colour class wins so the map agrees with every other report; otherwise the
 * core's colour bands decide.
 */
export function colourFor(row: AreaCountsRow | undefined, measure: Measure, rules: CountingRules = DEFAULT_RULES): string | null {
  const figure = figureOf(row, measure);
  if (!figure) return null;
  const fromServer = cssColour(figure.colour);
  if (fromServer && figure.colour !== 'grey') return fromServer;
  const band = colourBandOf(figure.value, rules);
  return band ? PALETTE[band.colour] : null;
}

/** Legend entries from the rules' bands, highest first. */
export function legendOf(rules: CountingRules = DEFAULT_RULES): readonly { readonly colour: string; readonly from: number; readonly to: number | null }[] {
  return rules.colourBands
    .map((band, index) => ({ colour: PALETTE[band.colour], from: band.from, to: rules.colourBands[index + 1]?.from ?? null }))
    .reverse();
}
