import { countAt, meetsGoal, type AreaCounts, type LocalizedText, type MarkerTone } from '@gridsweep/core';
import type { AreaCountsRow, RoundCampaign } from '../api/types.js';
import type { FigureWords, Measure } from './measure.js';

/** A piece of a tile's value, coloured by its tone when it counts a marker that flags someone. */
export interface ValuePart {
  readonly text: string;
  readonly tone?: MarkerTone;
}

export interface HeadlineTileSpec {
  readonly testid: string;
  readonly label: string;
  readonly value: string | readonly ValuePart[];
}

export interface HeadlineInput {
  readonly campaign: RoundCampaign | null;
  readonly measures: readonly Measure[];
  /** The counts of the area at the root of the view, as the server keeps them. */
  readonly root: AreaCounts | undefined;
  /** The counts of the areas on the map. */
  readonly rows: ReadonlyMap<string, AreaCountsRow>;
  /** How many areas the map shows, with or without counts. */
  readonly shown: number;
  /** The name of the level the map shows, e.g. 微网格. */
  readonly level: LocalizedText | null;
}

const UNKNOWN = '—';

/**
 * The wall's headline tiles, in the round's template's words: the share the
 * rules colour the map by, households visited, members done, the first
 * measure of things to act on (a marker's flagging options side by side, or a
 * count) and, when the rules set a goal, how many areas on the map meet it.
 * Totals are the counts of the root area as the server keeps them, not sums
 * made here; nothing is known (—) before the first counts.
 */
export function headlineTiles(input: HeadlineInput, words: FigureWords): HeadlineTileSpec[] {
  const { campaign, measures, root } = input;
  const pair = (a: string, b: string): string => {
    const left = root ? countAt(root, a) : null;
    const right = root ? countAt(root, b) : null;
    return `${left === null ? UNKNOWN : words.integer(left)} / ${right === null ? UNKNOWN : words.integer(right)}`;
  };
  const tiles: HeadlineTileSpec[] = [];
  const share = campaign ? measures.find((m) => m.id === campaign.rules.colourMeasure && m.spec.kind === 'share') : undefined;
  if (share) {
    const figure = root ? share.figure({ areaId: '', counts: root }) : null;
    tiles.push({ testid: `tile-${share.id}`, label: words.t('tile.share', { name: words.text(share.name) }), value: figure ? share.text(figure, words) : UNKNOWN });
  }
  tiles.push({ testid: 'tile-households', label: words.t('tile.households'), value: pair('households.visited', 'households.toVisit') });
  if (!campaign) return tiles;
  const { words: templateWords } = campaign.template;
  tiles.push({ testid: 'tile-members', label: `${words.text(templateWords.done)} / ${words.text(templateWords.eligible)}`, value: pair('members.done', 'members.eligible') });
  const actOn = measures.find((m) => m.spec.kind === 'markers' || m.spec.kind === 'count');
  if (actOn) tiles.push({ testid: `tile-${actOn.id}`, label: words.text(actOn.name), value: actOnValue(actOn, root, words) });
  const goal = campaign.rules.goal;
  if (goal) {
    const label = words.t('tile.goal', { goal: words.text(goal.name), level: input.level ? words.text(input.level) : '' });
    tiles.push({ testid: 'tile-goal', label, value: goalValue(input, words) });
  }
  return tiles;
}

/** A marker's flagging options as counts side by side, each in its tone (a "/" would read as one of a total), or a count. */
function actOnValue(measure: Measure, root: AreaCounts | undefined, words: FigureWords): readonly ValuePart[] {
  const figure = root ? measure.figure({ areaId: '', counts: root }) : null;
  if (!figure) return [{ text: UNKNOWN }];
  if (!figure.markers) return [{ text: words.integer(figure.value) }];
  return figure.markers.flatMap((marker, index) => [...(index > 0 ? [{ text: ' · ' }] : []), { text: words.integer(marker.count), tone: marker.tone }]);
}

/** How many of the areas on the map meet the rules' goal, of all shown (core's meetsGoal). */
function goalValue({ campaign, rows, shown }: HeadlineInput, words: FigureWords): string {
  // Before the first counts nothing is known either way, as in the other tiles.
  if (!campaign || shown === 0 || rows.size === 0) return UNKNOWN;
  let met = 0;
  for (const row of rows.values()) if (meetsGoal(row.counts, campaign.template, campaign.rules)) met += 1;
  return `${words.integer(met)} / ${words.integer(shown)}`;
}
