import { countAt, type CountingRules, type MeasureSpec } from '@gridsweep/core';
import type { AreaCountsRow } from '../api/types.js';
import { bandColour, bandLegend, topBandStart } from './bands.js';
import type { Figure } from './figure.js';
import type { Measure } from './measure.js';
import { cssColour } from './palette.js';

export type ShareSpec = Extract<MeasureSpec, { kind: 'share' }>;

/**
 * A share of two counts (coverage = visited / to visit), coloured by the
 * rules' bands; it lags when low. The figure the server's rules sent with the
 * counts wins, so the map agrees with every report; otherwise it is worked out
 * from the counts as the core's evaluateArea does.
 */
export function shareMeasure(spec: ShareSpec, rules: CountingRules): Measure {
  return {
    id: spec.id,
    spec,
    name: spec.name,
    figure: (row) => (row ? (serverFigure(row, spec.id) ?? countsFigure(row, spec)) : null),
    colour(figure) {
      const fromServer = cssColour(figure.colour);
      return fromServer && figure.colour !== 'grey' ? fromServer : bandColour(figure.value, rules);
    },
    compareLag: (a, b) => a.value - b.value,
    onTarget: (figure) => figure.value >= topBandStart(rules),
    legend: bandLegend(rules),
    text: (figure, words) => words.percent(figure.value),
    detail: (figure, words) =>
      figure.numerator === undefined || figure.denominator === undefined ? null : `${words.integer(figure.numerator)} / ${words.integer(figure.denominator)}`,
    explain: () => null,
  };
}

function serverFigure(row: AreaCountsRow, id: string): Figure | null | undefined {
  const share = row.figures?.shares[id];
  if (!share) return undefined;
  if (share.value === null || !Number.isFinite(share.value)) return null;
  const colour = row.figures?.colour.measure === id ? { colour: row.figures.colour.colour } : {};
  return { value: share.value, numerator: share.numerator.value, denominator: share.denominator.value, ...colour };
}

function countsFigure(row: AreaCountsRow, spec: ShareSpec): Figure | null {
  const numerator = countAt(row.counts, spec.numerator);
  const denominator = countAt(row.counts, spec.denominator);
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return { value: numerator / denominator, numerator, denominator };
}
