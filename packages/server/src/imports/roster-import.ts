import type { SpecialGroup } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import { basename } from 'node:path';
import type { Database } from '../db/schema.js';
import { BuildingDirectory } from './building-directory.js';
import { mapColumns, type ColumnMapping, type MappingCorrection } from './column-mapping.js';
import { ProblemList } from './import-problem.js';
import { MAX_LISTED_MISSING, type ImportActor, type RosterImportReport } from './import-report.js';
import { RosterEntry } from './roster-entry.js';
import { ROSTER_FIELDS, type RosterFieldId } from './roster-fields.js';
import { readRosterRow } from './roster-row.js';
import { RosterWriter } from './roster-writer.js';
import { householdKey, StoredHouseholds } from './stored-households.js';
import { readTable, type TableReadOptions } from './table-reader.js';
import { writeImportAudit } from './import-audit.js';

export interface RosterImportOptions extends TableReadOptions {
  /** The file to read. */
  readonly path: string;
  /** Its name as the user knows it (an upload is stored under another); the path's base name by default. */
  readonly fileName?: string;
  /** The area the roster belongs to: its buildings are the ones rows may name. */
  readonly areaId: string;
  /** The special groups cells may name: the campaign templates' lists. */
  readonly groups: readonly SpecialGroup[];
  readonly correction?: MappingCorrection;
  readonly dryRun: boolean;
  readonly actor: ImportActor;
  /** Remember what was written, for a server to mirror into memory. */
  readonly keepRecords?: boolean;
  readonly thisYear?: number;
}

export interface RosterImportResult {
  readonly report: RosterImportReport;
  readonly written?: RosterWriter['kept'];
}

class RolledBack extends Error {}

/**
 * Imports a household roster (one row a member) into an area, all or nothing.
 * A dry run reads and checks the whole file against the stored roster and
 * writes nothing; a real run does the same inside one transaction, writing as
 * it reads, and rolls everything back when any row has a problem.
 */
export async function importRoster(db: Kysely<Database>, options: RosterImportOptions): Promise<RosterImportResult> {
  if (options.dryRun) {
    const run = await readRoster(db, null, options);
    return { report: run };
  }
  let written: RosterWriter['kept'] | undefined;
  let report: RosterImportReport | undefined;
  try {
    await db.transaction().execute(async (tx) => {
      const writer = new RosterWriter(tx, options.keepRecords ?? false);
      report = await readRoster(tx, writer, options);
      if (report.problemCount > 0) throw new RolledBack();
      await writeImportAudit(tx, options.actor, 'import.roster', `area:${options.areaId}`, report);
      written = writer.kept;
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    return { report: { ...report!, committed: false } };
  }
  return { report: { ...report!, committed: true }, written };
}

async function readRoster(db: Kysely<Database>, writer: RosterWriter | null, options: RosterImportOptions): Promise<RosterImportReport> {
  const problems = new ProblemList();
  const directory = await BuildingDirectory.load(db, options.areaId);
  if (directory.areaIds.length === 0) throw new RangeError(`no area has id ${options.areaId}`);
  const stored = new StoredHouseholds(db, directory.areaIds);
  let headers: readonly string[] | undefined;
  let mapping: ColumnMapping<RosterFieldId> = {};
  let unused: readonly string[] = [];
  let rows = 0;
  const thisYear = options.thisYear ?? new Date().getFullYear();
  let entry = new RosterEntry(stored, writer ?? new RosterWriter(null, false), problems, new Set());
  for await (const { row, cells } of readTable(options.path, options)) {
    if (!headers) {
      headers = cells;
      const mapped = mapColumns(cells, ROSTER_FIELDS, row, options.correction);
      mapped.problems.forEach((problem) => problems.add(problem));
      if (mapped.problems.length > 0) break;
      mapping = mapped.mapping;
      unused = mapped.unused;
      entry = new RosterEntry(stored, writer ?? new RosterWriter(null, false), problems, new Set(Object.keys(mapping) as RosterFieldId[]));
      continue;
    }
    rows++;
    const read = readRosterRow(row, cells, { mapping, headers, groups: options.groups, thisYear });
    if (Array.isArray(read)) {
      read.forEach((problem) => problems.add(problem));
      continue;
    }
    const building = directory.find(read.building, read.community);
    if ('reason' in building) {
      const index = mapping.building!;
      problems.add({ row, column: headers[index] ?? 'building', value: read.building, reason: building.reason });
      continue;
    }
    await entry.add(building.id, read);
  }
  if (!headers) problems.add({ row: 1, column: '', value: '', reason: 'the file has no header row' });
  await entry.finish();
  const missing = await missingHouseholds(db, directory.areaIds, entry.seen);
  return {
    kind: 'roster',
    file: options.fileName ?? basename(options.path),
    areaId: options.areaId,
    dryRun: options.dryRun,
    committed: false,
    rows,
    mapping: Object.fromEntries(Object.entries(mapping).map(([field, index]) => [field, headers?.[index] ?? ''])),
    unusedColumns: unused,
    households: { ...entry.households, missing: missing.count },
    members: entry.members,
    missingHouseholds: missing.listed,
    problems: problems.listed,
    problemCount: problems.count,
  };
}

/** Stored households of the area that the file did not list. */
async function missingHouseholds(db: Kysely<Database>, areaIds: readonly string[], seen: ReadonlySet<string>): Promise<{ count: number; listed: RosterImportReport['missingHouseholds'] }> {
  const listed: RosterImportReport['missingHouseholds'][number][] = [];
  let count = 0;
  for (let start = 0; start < areaIds.length; start += 5000) {
    const rows = await db
      .selectFrom('households')
      .innerJoin('buildings', 'buildings.id', 'households.building_id')
      .select(['households.id', 'households.building_id', 'households.unit', 'households.room'])
      .where('buildings.area_id', 'in', areaIds.slice(start, start + 5000))
      .orderBy('households.id')
      .execute();
    for (const row of rows) {
      if (seen.has(householdKey(row.building_id, row.unit, row.room))) continue;
      count++;
      if (listed.length < MAX_LISTED_MISSING) listed.push({ id: row.id, buildingId: row.building_id, unit: row.unit, room: row.room });
    }
  }
  return { count, listed };
}
