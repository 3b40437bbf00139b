import type { ColourBand, ColourClass } from './counting-rules.js';

/** The colour band a ratio falls in: null (grey) with no ratio, else the last band whose `from` it reaches. */
export function colourBandOf(value: number | null, rules: { readonly colourBands: readonly ColourBand[] }): { colour: ColourClass; from: number; below: number | null } | null {
  if (value === null) return null;
  const bands = rules.colourBands;
  for (let i = bands.length - 1; i >= 0; i--) {
    if (value >= bands[i]!.from) return { colour: bands[i]!.colour, from: bands[i]!.from, below: bands[i + 1]?.from ?? null };
  }
  return { colour: bands[0]!.colour, from: bands[0]!.from, below: bands[1]?.from ?? null };
}

export function colourClass(value: number | null, rules: { readonly colourBands: readonly ColourBand[] }): ColourClass {
  return colourBandOf(value, rules)?.colour ?? 'grey';
}
