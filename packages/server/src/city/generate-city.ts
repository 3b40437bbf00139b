import { DEFAULT_LEVELS, leafLevel, type Building, type Household, type Member, type Point } from '@gridsweep/core';
import { planBuildings } from './building-plans.js';
import { generateAreas, type GeneratedArea } from './generate-areas.js';
import { boundingBox, containsPoint, pointGeometry, roundCoordinate, toFeature } from './geometry.js';
import { buildingName, roomLabel } from './place-names.js';
import { Random } from './random.js';
import { householdResidents } from './residents.js';
import { CITY_SCALES, type CityScale, type ScaleName } from './scales.js';

export interface CityOptions {
  readonly seed: number | string;
  readonly scale: ScaleName | CityScale;
  /** Called as work advances; `total` is known per phase. */
  readonly onProgress?: (progress: GenerationProgress) => void;
}

export interface GenerationProgress {
  readonly phase: 'areas' | 'residents';
  readonly done: number;
  readonly total: number;
}

export type GeneratedBuilding = Building & { readonly location: Point };

/** One record of a generated city, in an order a loader can apply as it reads: parents first. */
export type CityRecord =
  | { readonly kind: 'area'; readonly area: GeneratedArea }
  | { readonly kind: 'building'; readonly building: GeneratedBuilding }
  | { readonly kind: 'household'; readonly household: Household }
  | { readonly kind: 'member'; readonly member: Member };

/** Share of dwellings the roster lists as empty (空置). */
export const VACANT_SHARE = 0.06;

const MICROGRID = leafLevel(DEFAULT_LEVELS).id;
const LOCATION_TRIES = 5000;

export function resolveScale(scale: ScaleName | CityScale): CityScale {
  return typeof scale === 'string' ? CITY_SCALES[scale] : scale;
}

/**
 * A whole synthetic city, streamed: all areas first (parents before children),
 * then micro-grid by micro-grid its buildings, each followed by its households
 * and each household by its members. The same seed and scale always give the
 * same records in the same order.
 */
export function* generateCity(options: CityOptions): Generator<CityRecord> {
  const scale = resolveScale(options.scale);
  const random = new Random(`gridsweep-city/${String(options.seed)}`);
  const report = options.onProgress;
  const microgrids: GeneratedArea[] = [];
  const areas = generateAreas(scale, random.fork('areas'), (done, total) => report?.({ phase: 'areas', done, total }));
  for (const area of areas) {
    if (area.level === MICROGRID) microgrids.push(area);
    yield { kind: 'area', area };
  }
  const ids = { household: 0, member: 0 };
  let done = 0;
  for (const microgrid of microgrids) {
    yield* microgridContents(microgrid, scale, random.fork(`microgrid/${microgrid.id}`), ids);
    done++;
    if (done % 64 === 0 || done === microgrids.length) report?.({ phase: 'residents', done, total: microgrids.length });
  }
}

function* microgridContents(
  microgrid: GeneratedArea,
  scale: CityScale,
  random: Random,
  ids: { household: number; member: number },
): Generator<CityRecord> {
  const budget = Math.max(4, random.logNormal(scale.householdsPerMicrogrid, scale.householdSpread));
  const plans = planBuildings(random, budget);
  const locate = locator(microgrid, random);
  for (const [index, plan] of plans.entries()) {
    const building: GeneratedBuilding = {
      id: `${microgrid.id}b${index + 1}`,
      areaId: microgrid.id,
      name: buildingName(index + 1),
      units: plan.units,
      floors: plan.floors,
      location: pointGeometry(locate()),
    };
    yield { kind: 'building', building };
    for (let unit = 1; unit <= plan.units; unit++) {
      for (let floor = 1; floor <= plan.floors; floor++) {
        for (let room = 1; room <= plan.roomsPerFloor; room++) {
          const household: Household = {
            id: `h${(ids.household++).toString(36)}`,
            buildingId: building.id,
            unit,
            floor,
            room: roomLabel(floor, room),
            vacant: random.chance(VACANT_SHARE),
          };
          yield { kind: 'household', household };
          if (household.vacant) continue;
          for (const resident of householdResidents(random)) {
            const member: Member = { id: `p${(ids.member++).toString(36)}`, householdId: household.id, ...resident };
            yield { kind: 'member', member };
          }
        }
      }
    }
  }
}

/** Draws building sites strictly inside the micro-grid, after rounding to the stored precision. */
function locator(microgrid: GeneratedArea, random: Random): () => readonly [number, number] {
  const shape = toFeature(microgrid.geometry);
  const [west, south, east, north] = boundingBox(microgrid.geometry);
  return () => {
    for (let t = 0; t < LOCATION_TRIES; t++) {
      const position = [
        roundCoordinate(west + random.next() * (east - west)),
        roundCoordinate(south + random.next() * (north - south)),
      ] as const;
      if (containsPoint(shape, position)) return position;
    }
    throw new RangeError(`found no place for a building inside micro-grid ${microgrid.id}`);
  };
}
