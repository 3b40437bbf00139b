import type { LocalizedText } from '../text.js';

/** One level of the territory tree, e.g. 街道 (street). */
export interface LevelSpec {
  readonly id: string;
  readonly name: LocalizedText;
}

/**
 * The levels of the tree, root first. Cities differ (some have no street level,
 * some add a 片区), so levels are configuration; buildings always hang below
 * the last level.
 */
export type Levels = readonly LevelSpec[];

export const DEFAULT_LEVELS: Levels = [
  { id: 'city', name: { zh: '市', en: 'City' } },
  { id: 'district', name: { zh: '区', en: 'District' } },
  { id: 'street', name: { zh: '街道', en: 'Street' } },
  { id: 'community', name: { zh: '社区', en: 'Community' } },
  { id: 'grid', name: { zh: '网格', en: 'Grid' } },
  { id: 'microgrid', name: { zh: '微网格', en: 'Micro-grid' } },
];

export function levelIndex(levels: Levels, levelId: string): number {
  return levels.findIndex((level) => level.id === levelId);
}

/** The level that holds buildings: the deepest one. */
export function leafLevel(levels: Levels): LevelSpec {
  const leaf = levels[levels.length - 1];
  if (!leaf) throw new RangeError('a territory needs at least one level');
  return leaf;
}
