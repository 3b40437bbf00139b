import { colourBandOf, DEFAULT_RULES, type CountingRules } from '@gridsweep/core';
import type { AreaCountsRow, Figure } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';
import { codesFigure, countIn, specialGroupsFigure } from './people-figures.js';
import { countAt } from './count-at.js';
import { cssColour, PALETTE } from './palette.js';

export type MeasureId = 'coverage' | 'testRate' | 'codes' | 'specialGroups';

/**
 * A figure the map can be coloured by. A share (coverage, test rate) lags when
 * it is low and is shown as a percentage; a count of people (red and yellow
 * codes, special groups not yet reached) lags when it is high and is worded
 * by its own messages.
 */
export interface Measure {
  readonly id: MeasureId;
  readonly label: MessageKey;
  /**
   * How a count of people is worded: the figure ("红 1 · 黄 0") and its
   * explanation, each filled with red, yellow, notReached and total; null for
   * a share, shown as a percentage and explained by the core's rules.
   */
  readonly wording: { readonly figure: MessageKey; readonly explanation: MessageKey } | null;
  /** The area's figure, or null for "no data". */
  figure(row: AreaCountsRow | undefined): Figure | null;
  /** Its colour on the map. */
  colour(figure: Figure, rules: CountingRules): string | null;
  /** Negative when `a` lags behind `b`: lists of lagging areas put it first. */
  compareLag(a: Figure, b: Figure): number;
  /** Whether the figure meets the target, so the area does not lag: a share in the top band, nobody left to count. */
  onTarget(figure: Figure, rules: CountingRules): boolean;
  /** The legend, best first; the "no data" swatch is not in it. */
  legend(rules: CountingRules): readonly LegendEntry[];
}

/** A legend line: a band of a share (`from` inclusive up to `to`), or a named state. */
export type LegendEntry =
  | { readonly colour: string; readonly from: number; readonly to: number | null; readonly prefix?: MessageKey }
  | { readonly colour: string; readonly label: MessageKey };

/** A share of two counts, as the core's evaluateArea defines it; the server's figure when it sent one. */
function share(id: 'coverage' | 'testRate', label: MessageKey, numeratorPath: string, denominatorPath: string): Measure {
  return {
    id,
    label,
    wording: null,
    figure(row) {
      if (!row) return null;
      const figure = row.figures?.[id];
      if (figure) return typeof figure.value === 'number' && Number.isFinite(figure.value) ? figure : null;
      const numerator = countAt(row.counts, numeratorPath);
      const denominator = countAt(row.counts, denominatorPath);
      if (numerator === null || denominator === null || denominator <= 0) return null;
      return { value: numerator / denominator, numerator, denominator };
    },
    // The server's colour class wins so the map agrees with every other report; otherwise the core's bands decide.
    colour(figure, rules) {
      const fromServer = cssColour(figure.colour);
      if (fromServer && figure.colour !== 'grey') return fromServer;
      return bandColour(figure.value!, rules);
    },
    compareLag: (a, b) => a.value! - b.value!,
    onTarget: (figure, rules) => figure.value! >= topBandStart(rules),
    legend: (rules) => bandsOf(rules),
  };
}

const CODES: Measure = {
  id: 'codes',
  label: 'measure.codes',
  wording: { figure: 'figure.codes', explanation: 'explain.codes' },
  figure: (row) => (row ? codesFigure(row.counts) : null),
  colour: (figure) => (countIn(figure, 'red') > 0 ? PALETTE.red : countIn(figure, 'yellow') > 0 ? PALETTE.yellow : PALETTE.green),
  // Red codes first, then yellow: one red code weighs more than any number of yellow ones.
  compareLag: (a, b) => countIn(b, 'red') - countIn(a, 'red') || countIn(b, 'yellow') - countIn(a, 'yellow'),
  onTarget: (figure) => figure.value === 0,
  legend: () => [
    { colour: PALETTE.green, label: 'legend.codes.none' },
    { colour: PALETTE.yellow, label: 'legend.codes.yellow' },
    { colour: PALETTE.red, label: 'legend.codes.red' },
  ],
};

const SPECIAL_GROUPS: Measure = {
  id: 'specialGroups',
  label: 'measure.specialGroups',
  wording: { figure: 'figure.specialGroups', explanation: 'explain.specialGroups' },
  figure: (row) => (row ? specialGroupsFigure(row.counts) : null),
  // Coloured by the share reached, with the coverage bands: ten people left of ten weighs more than ten of a thousand.
  colour: (figure, rules) => bandColour(reachedShare(figure), rules),
  compareLag: (a, b) => b.value! - a.value! || reachedShare(a) - reachedShare(b),
  onTarget: (figure) => figure.value === 0,
  legend: (rules) => bandsOf(rules).map((band) => ({ ...band, prefix: 'legend.reached' as const })),
};

export const MEASURES: readonly Measure[] = [
  share('coverage', 'measure.coverage', 'households.visited', 'households.toVisit'),
  share('testRate', 'measure.testRate', 'members.tested', 'members.eligible'),
  CODES,
  SPECIAL_GROUPS,
];

export function measureById(id: string): Measure {
  return MEASURES.find((measure) => measure.id === id) ?? MEASURES[0]!;
}

/** The colour an area gets for a measure, or null for "no data". */
export function colourFor(row: AreaCountsRow | undefined, measure: Measure, rules: CountingRules = DEFAULT_RULES): string | null {
  const figure = measure.figure(row);
  return figure ? measure.colour(figure, rules) : null;
}

/** The legend of a measure, best first. */
export function legendOf(measure: Measure, rules: CountingRules = DEFAULT_RULES): readonly LegendEntry[] {
  return measure.legend(rules);
}

function reachedShare(figure: Figure): number {
  const total = figure.denominator ?? 0;
  return total > 0 ? (total - figure.value!) / total : 1;
}

/** Where the best colour band starts (95 % in the default rules): the target a share is measured against. */
function topBandStart(rules: CountingRules): number {
  return rules.colourBands[rules.colourBands.length - 1]?.from ?? 1;
}

function bandColour(value: number, rules: CountingRules): string | null {
  const band = colourBandOf(value, rules);
  return band ? PALETTE[band.colour] : null;
}

/** The rules' bands, highest first, each ending where the one above starts. */
function bandsOf(rules: CountingRules): LegendEntry[] {
  return rules.colourBands
    .map((band, index) => ({ colour: PALETTE[band.colour], from: band.from, to: rules.colourBands[index + 1]?.from ?? null }))
    .reverse();
}
