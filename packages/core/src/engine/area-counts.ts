/** How many households of an area are where in the round. toVisit = total − vacant. */
export interface HouseholdCounts {
  readonly total: number;
  readonly toVisit: number;
  readonly visited: number;
  readonly noAnswer: number;
  readonly refused: number;
  /** Vacant in the roster or found vacant (or moved out) at the door. */
  readonly vacant: number;
}

/**
 * Members of an area's population (everyone, or those the template's age
 * limit covers) by status. eligible = total − exempt − away; reached counts
 * those whose household is counted visited.
 */
export interface MemberCounts {
  readonly total: number;
  readonly eligible: number;
  readonly done: number;
  readonly exempt: number;
  readonly away: number;
  readonly reached: number;
}

/** One special group (a tag) of an area: how many, how many whose household is not visited, how many still owe the job. */
export interface SpecialGroupCounts {
  readonly total: number;
  readonly notVisited: number;
  readonly notDone: number;
}

/** The counts of one area in one round. */
export interface AreaCounts {
  readonly households: HouseholdCounts;
  readonly members: MemberCounts;
  /** By option id of the template's marker (every option, zeros included); empty without a marker. */
  readonly markers: Readonly<Record<string, number>>;
  /** By special-group id of the round's template; every group is present, zeros included. */
  readonly specialGroups: Readonly<Record<string, SpecialGroupCounts>>;
}
