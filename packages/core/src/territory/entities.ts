import type { AreaGeometry, Point } from './geometry.js';

/** A node of the territory tree: 市, 区, 街道, 社区, 网格 or 微网格. */
export interface Area {
  readonly id: string;
  /** null only at the root. */
  readonly parentId: string | null;
  readonly level: string;
  readonly name: string;
  readonly geometry?: AreaGeometry | null;
}

/** A 楼栋 inside a micro-grid (an area of the deepest level). */
export interface Building {
  readonly id: string;
  readonly areaId: string;
  readonly name: string;
  readonly units: number;
  readonly floors: number;
  readonly location?: Point | null;
}

/** A dwelling (户), e.g. 2单元501: unit 2, floor 5, room 501. */
export interface Household {
  readonly id: string;
  readonly buildingId: string;
  readonly unit: number;
  readonly floor: number;
  readonly room: string;
  /** The roster says nobody lives here: it is not to be visited. */
  readonly vacant: boolean;
}

/** A person of a household. Name and phone are personal data. */
export interface Member {
  readonly id: string;
  readonly householdId: string;
  readonly name: string;
  readonly phone?: string | null;
  readonly birthYear?: number | null;
  /** Special-group tags (独居老人, 残疾人, ...), ids from the campaign template. */
  readonly tags: readonly string[];
}

/** How a household is named on a door list: 2单元501. */
export function householdLabel(household: Pick<Household, 'unit' | 'room'>): string {
  return `${household.unit}单元${household.room}`;
}
