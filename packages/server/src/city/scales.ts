/** How many children an area of one level gets: an integer drawn uniformly in [min, max]. */
export interface ChildCount {
  readonly min: number;
  readonly max: number;
}

/**
 * The size of a generated city. Area counts multiply down the tree; households
 * follow from buildings, which fill each micro-grid up to a drawn budget.
 */
export interface CityScale {
  readonly name: string;
  /** Radius of the city outline, in kilometres (the outline is wavy, not a circle). */
  readonly radiusKm: number;
  readonly districts: ChildCount;
  readonly streetsPerDistrict: ChildCount;
  readonly communitiesPerStreet: ChildCount;
  readonly gridsPerCommunity: ChildCount;
  readonly microgridsPerGrid: ChildCount;
  /** Mean dwellings a micro-grid's buildings aim for, and how much that varies (log-normal sigma). */
  readonly householdsPerMicrogrid: number;
  readonly householdSpread: number;
}

const fixed = (n: number): ChildCount => ({ min: n, max: n });

// Figures were tuned by generating each scale and counting (see the README):
// micro-grids overshoot their budget by a building now and then, hence the
// budgets a little under households / micro-grids.
export const CITY_SCALES = {
  tiny: {
    name: 'tiny',
    radiusKm: 1.2,
    districts: fixed(2),
    streetsPerDistrict: fixed(2),
    communitiesPerStreet: fixed(1),
    gridsPerCommunity: fixed(2),
    microgridsPerGrid: fixed(2),
    householdsPerMicrogrid: 30,
    householdSpread: 0.2,
  },
  demo: {
    name: 'demo',
    radiusKm: 7,
    districts: fixed(6),
    streetsPerDistrict: { min: 3, max: 5 },
    communitiesPerStreet: { min: 2, max: 4 },
    gridsPerCommunity: { min: 3, max: 5 },
    microgridsPerGrid: { min: 4, max: 6 },
    householdsPerMicrogrid: 40,
    householdSpread: 0.5,
  },
  district: {
    name: 'district',
    radiusKm: 5,
    districts: fixed(1),
    streetsPerDistrict: { min: 8, max: 12 },
    communitiesPerStreet: { min: 6, max: 8 },
    gridsPerCommunity: { min: 4, max: 6 },
    microgridsPerGrid: { min: 6, max: 8 },
    householdsPerMicrogrid: 58,
    householdSpread: 0.5,
  },
  city: {
    name: 'city',
    radiusKm: 25,
    districts: fixed(13),
    streetsPerDistrict: { min: 8, max: 12 },
    communitiesPerStreet: { min: 8, max: 12 },
    gridsPerCommunity: { min: 6, max: 8 },
    microgridsPerGrid: { min: 6, max: 8 },
    householdsPerMicrogrid: 40,
    householdSpread: 0.5,
  },
} as const satisfies Record<string, CityScale>;

export type ScaleName = keyof typeof CITY_SCALES;

export const SCALE_NAMES = Object.keys(CITY_SCALES) as ScaleName[];

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(CITY_SCALES, value);
}
