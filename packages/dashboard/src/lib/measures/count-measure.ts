import { countAt, countLabel, type CampaignTemplate, type CountPath, type MeasureSpec } from '@gridsweep/core';
import type { Measure } from './measure.js';
import { PALETTE } from './palette.js';

export type CountSpec = Extract<MeasureSpec, { kind: 'count' }>;

/**
 * A count of things to act on (home vaccination requests, say): green at 0,
 * orange as soon as there is one; it lags when high. "No data" where there
 * is nobody to count: an area without members (or households, for a count of
 * households).
 */
export function countMeasure(spec: CountSpec, template: CampaignTemplate): Measure {
  const ofHouseholds = spec.count.startsWith('households.');
  const basis: CountPath = ofHouseholds ? 'households.total' : 'members.total';
  const unit = ofHouseholds ? 'unit.households' : 'unit.people';
  const label = countLabel(spec.count, template);
  return {
    id: spec.id,
    spec,
    name: spec.name,
    figure(row) {
      const total = row ? countAt(row.counts, basis) : null;
      if (!row || total === null || total <= 0) return null;
      return { value: countAt(row.counts, spec.count) ?? 0, denominator: total };
    },
    colour: (figure) => (figure.value === 0 ? PALETTE.green : PALETTE.orange),
    compareLag: (a, b) => b.value - a.value,
    onTarget: (figure) => figure.value === 0,
    legend: [
      { colour: PALETTE.green, label: (words) => `${words.text(label)} 0` },
      { colour: PALETTE.orange, label: (words) => `${words.text(label)} ≥ 1` },
    ],
    text: (figure, words) => words.t(unit, { count: words.integer(figure.value) }),
    detail: () => null,
    explain: (figure, words) =>
      words.t('explain.count', {
        name: words.text(label),
        count: words.integer(figure.value),
        basis: words.text(countLabel(basis, template)),
        total: words.integer(figure.denominator ?? 0),
      }),
  };
}
