import { DEFAULT_LEVELS, type Area, type AreaGeometry } from '@gridsweep/core';
import { cityOutline } from './outline.js';
import { gridName, microgridName, PlaceNames } from './place-names.js';
import type { Random } from './random.js';
import type { ChildCount, CityScale } from './scales.js';
import { subdivide } from './subdivide.js';

/** An area as the generator makes it: it always has a geometry. */
export type GeneratedArea = Area & { readonly geometry: AreaGeometry };

const [CITY, DISTRICT, STREET, COMMUNITY, GRID, MICROGRID] = DEFAULT_LEVELS.map((level) => level.id) as [
  string, string, string, string, string, string,
];

export const CITY_NAME = '榕城市';
export const ROOT_AREA_ID = 'city';

interface LevelPlan {
  readonly level: string;
  readonly idLetter: string;
  readonly count: (scale: CityScale) => ChildCount;
  readonly name: (ordinal: number, parentOrdinal: number, names: PlaceNames) => string;
}

// One entry per level below the city, in the order of DEFAULT_LEVELS.
const LEVEL_PLANS: readonly LevelPlan[] = [
  { level: DISTRICT, idLetter: 'd', count: (s) => s.districts, name: (_o, _p, names) => names.next('区') },
  { level: STREET, idLetter: 's', count: (s) => s.streetsPerDistrict, name: (_o, _p, names) => names.next('街道') },
  { level: COMMUNITY, idLetter: 'c', count: (s) => s.communitiesPerStreet, name: (_o, _p, names) => names.next('社区') },
  { level: GRID, idLetter: 'g', count: (s) => s.gridsPerCommunity, name: (ordinal) => gridName(ordinal) },
  { level: MICROGRID, idLetter: 'm', count: (s) => s.microgridsPerGrid, name: (o, parent) => microgridName(parent, o) },
];

/**
 * The whole area tree, parents before children (depth first), each level a
 * Voronoi tiling of its parent. Held in memory: even the largest scale has
 * fewer than 100 000 areas; it is the households that are streamed.
 */
export function* generateAreas(
  scale: CityScale,
  random: Random,
  onDistrictDone?: (done: number, total: number) => void,
): Generator<GeneratedArea> {
  const root: GeneratedArea = {
    id: ROOT_AREA_ID,
    parentId: null,
    level: CITY,
    name: CITY_NAME,
    geometry: cityOutline(scale.radiusKm, random.fork('outline')),
  };
  yield root;
  const names = new PlaceNames(random.fork('place-names'));
  const districts = childrenOf(root, '', 0, 0, scale, random, names);
  let done = 0;
  for (const district of districts) {
    yield* descend(district, 1, scale, random, names);
    onDistrictDone?.(++done, districts.length);
  }
}

interface Child {
  readonly area: GeneratedArea;
  readonly idPrefix: string;
  readonly ordinal: number;
}

function* descend(node: Child, depth: number, scale: CityScale, random: Random, names: PlaceNames): Generator<GeneratedArea> {
  yield node.area;
  if (depth >= LEVEL_PLANS.length) return;
  for (const child of childrenOf(node.area, node.idPrefix, node.ordinal, depth, scale, random, names)) {
    yield* descend(child, depth + 1, scale, random, names);
  }
}

function childrenOf(
  parent: GeneratedArea,
  idPrefix: string,
  parentOrdinal: number,
  depth: number,
  scale: CityScale,
  random: Random,
  names: PlaceNames,
): Child[] {
  const plan = LEVEL_PLANS[depth]!;
  const local = random.fork(`area/${parent.id}`);
  const { min, max } = plan.count(scale);
  const geometries = subdivide(parent.geometry, local.int(min, max), local);
  return geometries.map((geometry, index) => {
    const ordinal = index + 1;
    const id = `${idPrefix}${plan.idLetter}${ordinal}`;
    const area: GeneratedArea = {
      id,
      parentId: parent.id,
      level: plan.level,
      name: plan.name(ordinal, parentOrdinal, names),
      geometry,
    };
    return { area, idPrefix: id, ordinal };
  });
}
