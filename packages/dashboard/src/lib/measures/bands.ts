import { colourBandOf, type CountingRules } from '@gridsweep/core';
import type { MessageKey } from '../i18n/messages.js';
import type { LegendEntry } from './measure.js';
import { PALETTE } from './palette.js';

/** The colour of a share in the rules' bands. */
export function bandColour(value: number, rules: CountingRules): string | null {
  const band = colourBandOf(value, rules);
  return band ? PALETTE[band.colour] : null;
}

/** Where the best band starts (95 % in the built-in rules): the target a share is measured against. */
export function topBandStart(rules: CountingRules): number {
  return rules.colourBands[rules.colourBands.length - 1]?.from ?? 1;
}

/** The rules' bands as a legend, highest first, each ending where the one above starts. */
export function bandLegend(rules: CountingRules, prefix?: MessageKey): LegendEntry[] {
  return rules.colourBands
    .map((band, index) => ({ colour: PALETTE[band.colour], from: band.from, to: rules.colourBands[index + 1]?.from ?? null, ...(prefix ? { prefix } : {}) }))
    .reverse();
}
