import type { FigureWords, LegendEntry } from './measure.js';

/** A legend line: a named state, or a band of a share ("≥ 95%", "80% – 95%"), after its prefix if it has one. */
export function legendText(entry: LegendEntry, words: FigureWords): string {
  if ('label' in entry) return entry.label(words);
  const band = entry.to === null ? `≥ ${words.percent(entry.from)}` : `${words.percent(entry.from)} – ${words.percent(entry.to)}`;
  return entry.prefix ? `${words.t(entry.prefix)} ${band}` : band;
}
