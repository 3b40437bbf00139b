import type { AreaCounts, CountingRules, MeasureSpec } from '@gridsweep/core';
import { bandColour, bandLegend } from './bands.js';
import type { Figure } from './figure.js';
import type { Measure } from './measure.js';

export type SpecialGroupsSpec = Extract<MeasureSpec, { kind: 'specialGroups' }>;

/**
 * Special groups not yet reached: how many members of the template's special
 * groups live in a household not yet visited, out of all of them; a member of
 * two groups counts in each, as the counts keep them per group. Coloured by
 * the share reached with the rules' bands, so ten people left of ten reads
 * worse than ten of a thousand; lists put the most people not reached first.
 */
export function specialGroupsMeasure(spec: SpecialGroupsSpec, rules: CountingRules): Measure {
  return {
    id: spec.id,
    spec,
    name: spec.name,
    figure: (row) => (row ? notReached(row.counts) : null),
    colour: (figure) => bandColour(reachedShare(figure), rules),
    compareLag: (a, b) => b.value - a.value || reachedShare(a) - reachedShare(b),
    onTarget: (figure) => figure.value === 0,
    legend: bandLegend(rules, 'legend.reached'),
    text: (figure, words) => words.t('figure.specialGroups', { notReached: words.integer(figure.value), total: words.integer(figure.denominator ?? 0) }),
    detail: () => null,
    explain: (figure, words) =>
      words.t('explain.specialGroups', { notReached: words.integer(figure.value), total: words.integer(figure.denominator ?? 0) }),
  };
}

function notReached(counts: AreaCounts): Figure | null {
  let total = 0;
  let value = 0;
  for (const group of Object.values(counts.specialGroups)) {
    total += group.total;
    value += group.notVisited;
  }
  return total > 0 ? { value, numerator: value, denominator: total } : null;
}

function reachedShare(figure: Figure): number {
  const total = figure.denominator ?? 0;
  return total > 0 ? (total - figure.value) / total : 1;
}
