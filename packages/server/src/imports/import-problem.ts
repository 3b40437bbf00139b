/** Something wrong in an import file, where the user can find it: the row, the column, what it holds, and why it cannot be used. */
export interface ImportProblem {
  /** The spreadsheet row (1 = the first line) or, for GeoJSON, the feature index (0 = the first feature). */
  readonly row: number;
  /** The column's header as the file has it, or the field when the file has no such column. */
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

/** Problems kept in a report; more are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 1000;

/** Collects problems, listing the first MAX_LISTED_PROBLEMS and counting them all. */
export class ProblemList {
  readonly listed: ImportProblem[] = [];
  count = 0;

  add(problem: ImportProblem): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
  }

  get empty(): boolean {
    return this.count === 0;
  }
}
