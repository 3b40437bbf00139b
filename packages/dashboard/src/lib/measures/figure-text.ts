import type { Figure } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';
import type { LegendEntry, Measure } from './measures.js';
import { countIn } from './people-figures.js';

/** The part of the page's Locale that words figures; a plain object in tests. */
export interface FigureWords {
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  integer(value: number): string;
  percent(fraction: number): string;
}

/** A figure as lists, cards and the panel show it: a percentage for shares, people for counts. */
export function figureText(measure: Measure, figure: Figure, words: FigureWords): string {
  return measure.wording ? words.t(measure.wording.figure, peopleValues(figure, words)) : words.percent(figure.value ?? 0);
}

/** What a share is the ratio of ("114 / 492"); null for counts, whose text already says it. */
export function figureDetail(measure: Measure, figure: Figure, words: FigureWords): string | null {
  if (measure.wording || figure.numerator === undefined || figure.denominator === undefined) return null;
  return `${words.integer(figure.numerator)} / ${words.integer(figure.denominator)}`;
}

/** How a figure of people was reached, for the side panel; null for shares, which the core's rules explain. */
export function peopleExplanation(measure: Measure, figure: Figure, words: FigureWords): string | null {
  return measure.wording ? words.t(measure.wording.explanation, peopleValues(figure, words)) : null;
}

/** What the messages of a figure of people are filled with; each names only the ones it needs. */
function peopleValues(figure: Figure, words: FigureWords): Record<string, string> {
  return {
    red: words.integer(countIn(figure, 'red')),
    yellow: words.integer(countIn(figure, 'yellow')),
    notReached: words.integer(figure.value ?? 0),
    total: words.integer(figure.denominator ?? 0),
  };
}

/** A legend line: a named state, or a band of a share ("≥ 95%", "80% – 95%"), after its prefix if it has one. */
export function legendText(entry: LegendEntry, words: FigureWords): string {
  if ('label' in entry) return words.t(entry.label);
  const band = entry.to === null ? `≥ ${words.percent(entry.from)}` : `${words.percent(entry.from)} – ${words.percent(entry.to)}`;
  return entry.prefix ? `${words.t(entry.prefix)} ${band}` : band;
}
