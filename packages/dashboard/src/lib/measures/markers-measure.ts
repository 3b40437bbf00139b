import type { CampaignTemplate, MarkerOption, MeasureSpec } from '@gridsweep/core';
import type { Figure, MarkerCount } from './figure.js';
import type { FigureWords, LegendEntry, Measure } from './measure.js';
import { PALETTE } from './palette.js';

export type MarkersSpec = Extract<MeasureSpec, { kind: 'markers' }>;

/** The tones that flag someone, worst first, and their colours; any other tone is on target. */
const FLAGGED = [
  { tone: 'alert', colour: PALETTE.red },
  { tone: 'warning', colour: PALETTE.yellow },
] as const;

/**
 * The template's per-member marker, coloured by the worst tone
 * present in the area: an alert option red, else a warning option yellow,
 * else green; "no data" without members. Lists put alerts first, then the
 * most warnings; the figure counts every flagging option, worst first.
 */
export function markersMeasure(spec: MarkersSpec, template: CampaignTemplate): Measure {
  const marker = template.member.marker;
  const flagged: MarkerOption[] = FLAGGED.flatMap(({ tone }) => marker?.options.filter((option) => option.tone === tone) ?? []);
  const countOf = (figure: Figure, tone: string) => (figure.markers ?? []).reduce((sum, m) => sum + (m.tone === tone ? m.count : 0), 0);
  const names = (options: readonly MarkerOption[], words: FigureWords) => options.map((option) => words.text(option.name)).join(words.t('list.separator'));
  const legend: LegendEntry[] = [{ colour: PALETTE.green, label: (words) => words.t('legend.markers.none', { name: words.text(spec.name) }) }];
  for (const { tone, colour } of [...FLAGGED].reverse()) {
    const options = flagged.filter((option) => option.tone === tone);
    if (options.length > 0) legend.push({ colour, label: (words) => words.t('legend.markers.some', { names: names(options, words) }) });
  }
  return {
    id: spec.id,
    spec,
    name: spec.name,
    figure(row) {
      if (!row || !marker || row.counts.members.total <= 0) return null;
      const markers: MarkerCount[] = flagged.map((option) => ({ id: option.id, name: option.name, tone: option.tone, count: row.counts.markers[option.id] ?? 0 }));
      return { value: markers.reduce((sum, m) => sum + m.count, 0), denominator: row.counts.members.total, markers };
    },
    colour: (figure) => FLAGGED.find(({ tone }) => countOf(figure, tone) > 0)?.colour ?? PALETTE.green,
    // One alert weighs more than any number of warnings.
    compareLag: (a, b) => countOf(b, 'alert') - countOf(a, 'alert') || countOf(b, 'warning') - countOf(a, 'warning'),
    onTarget: (figure) => figure.value === 0,
    legend,
    text: (figure, words) => (figure.markers ?? []).map((m) => `${words.text(m.name)} ${words.integer(m.count)}`).join(' · '),
    detail: () => null,
    explain: (figure, words) =>
      words.t('explain.markers', {
        members: words.text(template.words.members),
        total: words.integer(figure.denominator ?? 0),
        parts: (figure.markers ?? []).map((m) => words.t('explain.part', { name: words.text(m.name), count: words.integer(m.count) })).join(words.t('list.separator')),
      }),
  };
}
