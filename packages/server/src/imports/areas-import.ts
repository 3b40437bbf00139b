import type { Area } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import { extname, basename } from 'node:path';
import type { Database } from '../db/schema.js';
import { jsonOrNull } from '../repositories/row-mapping.js';
import { bulkInsert, type BulkColumn } from '../repositories/unnest-insert.js';
import { OUTLINE_TOLERANCE } from '../territory-outline.js';
import type { AreaCandidate } from './area-candidate.js';
import { planAreas } from './area-plan.js';
import { areaCandidatesFromShapefile } from './area-shapefile-source.js';
import { areaCandidatesFromGeoJson, areaCandidatesFromTable } from './area-sources.js';
import type { MappingCorrection } from './column-mapping.js';
import type { CoordinateSystem } from './coordinate-systems.js';
import { writeImportAudit } from './import-audit.js';
import { areaFileFormat } from './import-file-format.js';
import { ProblemList } from './import-problem.js';
import type { ImportActor, ImportCounts, ImportReportBase } from './import-report.js';
import { storedAreas, storedLevels } from './stored-territory.js';
import type { TableReadOptions } from './table-reader.js';

export interface AreasImportOptions extends TableReadOptions {
  readonly path: string;
  readonly fileName?: string;
  /** The coordinate system of a GeoJSON's or Shapefile's positions (after its .prj); WGS 84 when absent. */
  readonly crs?: CoordinateSystem;
  readonly level?: string;
  readonly parentId?: string;
  /** Share of a child's area allowed outside its nearest drawn ancestor, OUTLINE_TOLERANCE (as for the API) when absent. */
  readonly tolerance?: number;
  readonly correction?: MappingCorrection;
  readonly dryRun: boolean;
  readonly actor: ImportActor;
  /** Called before anything is written, with the parent ids the file's top areas hang from: a caller checks its scope here. */
  readonly authorize?: (parentIds: ReadonlySet<string | null>) => void;
}

export interface AreasImportReport extends ImportReportBase {
  readonly kind: 'areas';
  readonly areas: ImportCounts;
  /** Areas added without an outline: the map says so rather than drawing them. */
  readonly withoutOutline: number;
}

export interface AreasImportResult {
  readonly report: AreasImportReport;
  readonly added: readonly Area[];
}

const AREA_COLUMNS: readonly BulkColumn<Area>[] = [
  { name: 'id', type: 'text', value: (a) => a.id },
  { name: 'parent_id', type: 'text', value: (a) => a.parentId },
  { name: 'level', type: 'text', value: (a) => a.level },
  { name: 'name', type: 'text', value: (a) => a.name },
  { name: 'geometry', type: 'jsonb', value: (a) => jsonOrNull(a.geometry) },
];

export function isGeoJsonFile(name: string): boolean {
  return ['.geojson', '.json'].includes(extname(name).toLowerCase());
}

async function readAreaCandidates(options: AreasImportOptions, fileName: string, problems: ProblemList): Promise<AreaCandidate[]> {
  const format = await areaFileFormat(options.path, fileName);
  const crs = options.crs ?? 'wgs84';
  if (format === 'geojson') return areaCandidatesFromGeoJson(options.path, crs, problems);
  if (format === 'shapefile') return areaCandidatesFromShapefile(options.path, crs, problems);
  return areaCandidatesFromTable(options.path, { ...options, format }, problems);
}

/**
 * Imports areas from GeoJSON or zipped Shapefile polygons or from rows of code, name, level and
 * parent code. Every feature is checked before anything is written; one bad
 * feature (reported by index) and nothing is.
 */
export async function importAreas(db: Kysely<Database>, options: AreasImportOptions): Promise<AreasImportResult> {
  const problems = new ProblemList();
  const fileName = options.fileName ?? basename(options.path);
  const candidates: AreaCandidate[] = await readAreaCandidates(options, fileName, problems);
  const levels = await storedLevels(db);
  if (options.level !== undefined && !levels.some((l) => l.id === options.level)) {
    throw new RangeError(`--level must be one of ${levels.map((l) => l.id).join(', ')}`);
  }
  const stored = await storedAreas(db);
  const plan = planAreas(candidates, stored, { levels, level: options.level, parentId: options.parentId, tolerance: options.tolerance ?? OUTLINE_TOLERANCE }, problems);
  const addedIds = new Set(plan.add.map((a) => a.id));
  options.authorize?.(new Set([...plan.add, ...plan.change].map((a) => a.parentId).filter((id) => id === null || !addedIds.has(id))));
  const report: AreasImportReport = {
    kind: 'areas',
    file: fileName,
    dryRun: options.dryRun,
    committed: false,
    rows: candidates.length,
    areas: plan.counts,
    withoutOutline: plan.add.filter((a) => !a.geometry).length,
    problems: problems.listed,
    problemCount: problems.count,
  };
  if (options.dryRun || problems.count > 0) return { report, added: [] };
  await db.transaction().execute(async (tx) => {
    await bulkInsert(tx, 'areas', AREA_COLUMNS, plan.add);
    for (const area of plan.change) {
      await tx.updateTable('areas').set({ name: area.name, geometry: jsonOrNull(area.geometry) as string }).where('id', '=', area.id).execute();
    }
    await writeImportAudit(tx, options.actor, 'import.areas', `file:${fileName}`, report);
  });
  return { report: { ...report, committed: true }, added: plan.add };
}
