import type { CampaignTemplate, CountingRules, MeasureSpec } from '@gridsweep/core';
import type { AreaCountsRow } from '../api/types.js';
import { countMeasure } from './count-measure.js';
import { markersMeasure } from './markers-measure.js';
import type { Measure } from './measure.js';
import { shareMeasure } from './share-measure.js';
import { specialGroupsMeasure } from './special-groups-measure.js';

/** The measures of a round, in its template's order: one builder per kind, so a new template needs no code here. */
export function measuresOf(template: CampaignTemplate, rules: CountingRules): readonly Measure[] {
  return template.measures.map((spec) => measureOf(spec, template, rules));
}

function measureOf(spec: MeasureSpec, template: CampaignTemplate, rules: CountingRules): Measure {
  switch (spec.kind) {
    case 'share':
      return shareMeasure(spec, rules);
    case 'markers':
      return markersMeasure(spec, template);
    case 'count':
      return countMeasure(spec, template);
    case 'specialGroups':
      return specialGroupsMeasure(spec, rules);
  }
}

/** The measure with this id, else the one the rules colour the map by, else the first. */
export function pickMeasure(measures: readonly Measure[], id: string | null, rules: CountingRules): Measure | null {
  return measures.find((m) => m.id === id) ?? measures.find((m) => m.id === rules.colourMeasure) ?? measures[0] ?? null;
}

/** The colour an area gets by a measure, or null for "no data". */
export function colourFor(row: AreaCountsRow | undefined, measure: Measure | null): string | null {
  if (!measure) return null;
  const figure = measure.figure(row);
  return figure ? measure.colour(figure) : null;
}

/** Whether a measure is the households' coverage (visited / to visit), which is all a building's circle can show. */
export function isHouseholdCoverage(measure: Measure | null): boolean {
  const spec = measure?.spec;
  return spec?.kind === 'share' && spec.numerator === 'households.visited' && spec.denominator === 'households.toVisit';
}
