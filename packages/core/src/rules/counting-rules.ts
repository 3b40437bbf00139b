/** The colour an area takes on the map. Grey means there is nothing to measure yet. */
export type ColourClass = 'red' | 'orange' | 'yellow' | 'green' | 'grey';

/** A colour for ratios from `from` (inclusive) up to the next class's `from`. */
export interface ColourBand {
  readonly colour: Exclude<ColourClass, 'grey'>;
  readonly from: number;
}

/** The figure that colours the map. */
export type ColourMeasure = 'coverage' | 'testRate';

/**
 * How counts become what the map shows, as data: a city can tighten a
 * threshold without new code, and every explanation names the rules' id and
 * version so an old report can be read against the rules it was made with.
 */
export interface CountingRules {
  readonly id: string;
  readonly version: number;
  readonly colourMeasure: ColourMeasure;
  /** Lowest first; the first band starts at 0. */
  readonly colourBands: readonly ColourBand[];
  /** 无疫: coverage and test rate at least these, and at most this many red codes. */
  readonly epidemicFree: {
    readonly minCoverage: number;
    readonly minTestRate: number;
    readonly maxRedCodes: number;
  };
  /** Projected completion uses the sweep rate over this trailing window. */
  readonly projectionWindowMs: number;
}

export const DEFAULT_RULES: CountingRules = {
  id: 'default',
  version: 1,
  colourMeasure: 'coverage',
  colourBands: [
    { colour: 'red', from: 0 },
    { colour: 'orange', from: 0.5 },
    { colour: 'yellow', from: 0.8 },
    { colour: 'green', from: 0.95 },
  ],
  epidemicFree: { minCoverage: 0.95, minTestRate: 0.95, maxRedCodes: 0 },
  projectionWindowMs: 30 * 60 * 1000,
};
