import type { LocalizedText, MeasureSpec } from '@gridsweep/core';
import type { AreaCountsRow } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Figure } from './figure.js';

/** The part of the page's Locale that words figures; a plain object in tests. */
export interface FigureWords {
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  text(text: LocalizedText): string;
  integer(value: number): string;
  percent(fraction: number): string;
}

/** Text that depends on the language chosen: worded when shown, not when built. */
export type Wording = (words: FigureWords) => string;

/** A legend line: a band of a share (`from` inclusive up to `to`), or a named state. */
export type LegendEntry =
  | { readonly colour: string; readonly from: number; readonly to: number | null; readonly prefix?: MessageKey }
  | { readonly colour: string; readonly label: Wording };

/**
 * A figure the map can be coloured by, built from one of the round's
 * template's measures and its rules: everything a map, a legend, a list and
 * a panel need, so none of them knows which campaign it shows.
 */
export interface Measure {
  readonly id: string;
  readonly spec: MeasureSpec;
  readonly name: LocalizedText;
  /** The area's figure, or null for "no data" (nothing to measure, which is not 0 %). */
  figure(row: AreaCountsRow | undefined): Figure | null;
  /** Its colour on the map. */
  colour(figure: Figure): string | null;
  /** Negative when `a` lags behind `b`: lists of lagging areas put it first. */
  compareLag(a: Figure, b: Figure): number;
  /** Whether the figure meets the target, so the area does not lag: a share in the top band, nobody left to count. */
  onTarget(figure: Figure): boolean;
  /** The legend, best first; the "no data" swatch is not in it. */
  readonly legend: readonly LegendEntry[];
  /** The figure as lists, cards and the panel show it: a percentage, or people. */
  text(figure: Figure, words: FigureWords): string;
  /** What a share is the ratio of ("114 / 492"); null where the text already says it. */
  detail(figure: Figure, words: FigureWords): string | null;
  /** How the figure was reached, for the side panel; null for shares, which the core's evaluateArea explains. */
  explain(figure: Figure, words: FigureWords): string | null;
}
