/** How many households of an area are where in the round. toVisit = total − vacant. */
export interface HouseholdCounts {
  readonly total: number;
  readonly toVisit: number;
  readonly visited: number;
  readonly noAnswer: number;
  readonly refused: number;
  /** Vacant in the roster or found vacant at the door. */
  readonly vacant: number;
}

/** Members of an area by status. eligible = total − exempt − away. */
export interface MemberCounts {
  readonly total: number;
  readonly eligible: number;
  readonly tested: number;
  readonly exempt: number;
  readonly away: number;
}

/** Members by marker colour; unknown counts those recorded unknown and those not yet recorded. */
export interface CodeCounts {
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
  readonly unknown: number;
}

/** One special group (a tag) of an area: how many, how many whose household is not visited, how many still owe a test. */
export interface SpecialGroupCounts {
  readonly total: number;
  readonly notVisited: number;
  readonly notTested: number;
}

/** The counts of one area in one round. */
export interface AreaCounts {
  readonly households: HouseholdCounts;
  readonly members: MemberCounts;
  readonly codes: CodeCounts;
  /** By special-group id of the round's template; every group is present, zeros included. */
  readonly specialGroups: Readonly<Record<string, SpecialGroupCounts>>;
}
