import type { ImportProblem } from './import-problem.js';

/** Who runs an import and from where, for the audit log. */
export interface ImportActor {
  readonly id: string;
  readonly role: string;
  readonly source?: string | null;
}

/** What would be, or was, added, changed and left as it is. */
export interface ImportCounts {
  readonly add: number;
  readonly change: number;
  readonly leave: number;
}

export interface ImportReportBase {
  /** The file's name as the user gave it. */
  readonly file: string;
  readonly dryRun: boolean;
  /** True only when the import's writes were committed. */
  readonly committed: boolean;
  /** Data rows (or features) read. */
  readonly rows: number;
  readonly problems: readonly ImportProblem[];
  /** All problems, also those past the listed ones. */
  readonly problemCount: number;
}

export interface RosterImportReport extends ImportReportBase {
  readonly kind: 'roster';
  readonly areaId: string;
  /** Which header each field was read from. */
  readonly mapping: Readonly<Record<string, string>>;
  readonly unusedColumns: readonly string[];
  readonly households: ImportCounts & { readonly missing: number };
  readonly members: ImportCounts;
  /** Stored households of the area the file does not list: reported, never deleted. */
  readonly missingHouseholds: readonly { readonly id: string; readonly buildingId: string; readonly unit: number; readonly room: string }[];
}

export const MAX_LISTED_MISSING = 100;
