import type { CountPath } from '../campaign/count-path.js';
import type { LocalizedText } from '../text.js';

/** The colour an area takes on the map. Grey means there is nothing to measure yet. */
export type ColourClass = 'red' | 'orange' | 'yellow' | 'green' | 'grey';

/** A colour for ratios from `from` (inclusive) up to the next class's `from`. */
export interface ColourBand {
  readonly colour: Exclude<ColourClass, 'grey'>;
  readonly from: number;
}

/** One condition of the goal: a share measure at least `min`, or a count at most `max`. */
export type GoalCondition =
  | { readonly measure: string; readonly min: number }
  | { readonly count: CountPath; readonly max: number };

/**
 * How counts become what the map shows, as data, for the rounds of one
 * template: a city can tighten a threshold without new code, and every
 * explanation names the rules' id and version so an old report can be read
 * against the rules it was made with.
 */
export interface CountingRules {
  readonly id: string;
  readonly version: number;
  /** The template whose measures and counts these rules name. */
  readonly templateId: string;
  readonly name: LocalizedText;
  /** The share measure (of the template) that colours the map by default. */
  readonly colourMeasure: string;
  /** Lowest first; the first band starts at 0. */
  readonly colourBands: readonly ColourBand[];
  /** The status an area earns when every condition holds (无疫 for a test round), or null for none. */
  readonly goal: { readonly name: LocalizedText; readonly conditions: readonly GoalCondition[] } | null;
  /** Projected completion uses the sweep rate over this trailing window. */
  readonly projectionWindowMs: number;
}

const BANDS: readonly ColourBand[] = [
  { colour: 'red', from: 0 },
  { colour: 'orange', from: 0.5 },
  { colour: 'yellow', from: 0.8 },
  { colour: 'green', from: 0.95 },
];

/** The nucleic-acid round's rules: 无疫 at 95 % coverage and test rate with no red code. */
export const NUCLEIC_ACID_RULES: CountingRules = {
  id: 'nucleic-acid-default',
  version: 1,
  templateId: 'nucleic-acid',
  name: { zh: '核酸扫楼默认规则', en: 'Default rules for test sweeps' },
  colourMeasure: 'coverage',
  colourBands: BANDS,
  goal: {
    name: { zh: '无疫', en: 'Epidemic-free' },
    conditions: [
      { measure: 'coverage', min: 0.95 },
      { measure: 'testRate', min: 0.95 },
      { count: 'markers.red', max: 0 },
    ],
  },
  projectionWindowMs: 30 * 60 * 1000,
};

/** The vaccination census's rules: the census is complete when 95 % of doors and of people 60+ are reached. */
export const ELDERLY_VACCINATION_RULES: CountingRules = {
  id: 'elderly-vaccination-default',
  version: 1,
  templateId: 'elderly-vaccination',
  name: { zh: '老年人疫苗接种摸排默认规则', en: 'Default rules for the elderly vaccination census' },
  colourMeasure: 'coverage',
  colourBands: BANDS,
  goal: {
    name: { zh: '摸排完成', en: 'Census complete' },
    conditions: [
      { measure: 'coverage', min: 0.95 },
      { measure: 'reached', min: 0.95 },
    ],
  },
  projectionWindowMs: 30 * 60 * 1000,
};
