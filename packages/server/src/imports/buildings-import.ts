import { ID_PATTERN, leafLevel, type Area, type Building } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import { basename } from 'node:path';
import type { Database } from '../db/schema.js';
import { buildingFromRow, jsonOrNull } from '../repositories/row-mapping.js';
import { bulkInsert, type BulkColumn } from '../repositories/unnest-insert.js';
import { contains } from './area-shapes.js';
import { isGeoJsonFile } from './areas-import.js';
import { buildingCandidatesFromGeoJson, buildingCandidatesFromTable, type BuildingCandidate } from './building-sources.js';
import type { MappingCorrection } from './column-mapping.js';
import type { CoordinateSystem } from './coordinate-systems.js';
import { writeImportAudit } from './import-audit.js';
import { ProblemList } from './import-problem.js';
import type { ImportActor, ImportCounts, ImportReportBase } from './import-report.js';
import { importedId } from './imported-id.js';
import { storedAreas, storedLevels } from './stored-territory.js';
import type { TableReadOptions } from './table-reader.js';

export interface BuildingsImportOptions extends TableReadOptions {
  readonly path: string;
  readonly fileName?: string;
  readonly crs?: CoordinateSystem;
  readonly correction?: MappingCorrection;
  readonly dryRun: boolean;
  readonly actor: ImportActor;
  /** Called before anything is written with the micro-grids the buildings go into: a caller checks its scope here. */
  readonly authorize?: (areaIds: ReadonlySet<string>) => void;
}

export interface BuildingsImportReport extends ImportReportBase {
  readonly kind: 'buildings';
  readonly buildings: ImportCounts;
}

const BUILDING_COLUMNS: readonly BulkColumn<Building>[] = [
  { name: 'id', type: 'text', value: (b) => b.id },
  { name: 'area_id', type: 'text', value: (b) => b.areaId },
  { name: 'name', type: 'text', value: (b) => b.name },
  { name: 'units', type: 'integer', value: (b) => b.units },
  { name: 'floors', type: 'integer', value: (b) => b.floors },
  { name: 'location', type: 'jsonb', value: (b) => jsonOrNull(b.location) },
];

/**
 * Imports buildings (楼栋) from GeoJSON points or rows with coordinates. Each
 * goes into the micro-grid the file names or, failing that, the one whose
 * outline holds its position. All or nothing, like every import.
 */
export async function importBuildings(db: Kysely<Database>, options: BuildingsImportOptions): Promise<{ report: BuildingsImportReport; added: readonly Building[] }> {
  const problems = new ProblemList();
  const fileName = options.fileName ?? basename(options.path);
  const candidates = isGeoJsonFile(fileName)
    ? await buildingCandidatesFromGeoJson(options.path, options.crs ?? 'wgs84', problems)
    : await buildingCandidatesFromTable(options.path, options, problems);
  const leaf = leafLevel(await storedLevels(db)).id;
  const grids = [...(await storedAreas(db)).values()].filter((area) => area.level === leaf);
  const gridIds = new Set(grids.map((area) => area.id));
  const stored = new Map((await db.selectFrom('buildings').selectAll().execute()).map((row) => [row.id, buildingFromRow(row)]));
  const add: Building[] = [];
  const change: Building[] = [];
  const counts = { add: 0, change: 0, leave: 0 };
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const building = readBuilding(candidate, grids, gridIds, problems);
    if (!building) continue;
    if (seen.has(building.id)) {
      problems.add({ row: candidate.row, column: candidate.columns.id, value: building.id, reason: 'appears twice in the file' });
      continue;
    }
    seen.add(building.id);
    const known = stored.get(building.id);
    if (!known) {
      counts.add++;
      add.push(building);
    } else if (known.areaId !== building.areaId) {
      problems.add({ row: candidate.row, column: candidate.columns.area, value: building.areaId, reason: `building ${building.id} is stored in ${known.areaId}; an import does not move buildings` });
    } else if (JSON.stringify({ ...known, location: known.location ?? null }) === JSON.stringify(building)) counts.leave++;
    else {
      counts.change++;
      change.push(building);
    }
  }
  options.authorize?.(new Set([...add, ...change].map((b) => b.areaId)));
  const report: BuildingsImportReport = { kind: 'buildings', file: fileName, dryRun: options.dryRun, committed: false, rows: candidates.length, buildings: counts, problems: problems.listed, problemCount: problems.count };
  if (options.dryRun || problems.count > 0) return { report, added: [] };
  await db.transaction().execute(async (tx) => {
    await bulkInsert(tx, 'buildings', BUILDING_COLUMNS, add);
    for (const b of change) {
      await tx.updateTable('buildings').set({ name: b.name, units: b.units, floors: b.floors, location: jsonOrNull(b.location) as string }).where('id', '=', b.id).execute();
    }
    await writeImportAudit(tx, options.actor, 'import.buildings', `file:${fileName}`, report);
  });
  return { report: { ...report, committed: true }, added: add };
}

function readBuilding(candidate: BuildingCandidate, grids: readonly Area[], gridIds: ReadonlySet<string>, problems: ProblemList): Building | undefined {
  const { fields, columns, row } = candidate;
  const before = problems.count;
  const fail = (column: string, value: string, reason: string): void => problems.add({ row, column, value, reason });
  if (fields.name === '') fail(columns.name, '', 'the name is empty');
  const units = Number(fields.units);
  if (!Number.isInteger(units) || units < 1 || units > 50) fail(columns.units, fields.units, 'must be a whole number from 1 to 50');
  const floors = Number(fields.floors);
  if (!Number.isInteger(floors) || floors < 1 || floors > 200) fail(columns.floors, fields.floors, 'must be a whole number from 1 to 200');
  if ((fields.lon !== '' || fields.lat !== '') && !candidate.location) fail(columns.lon, `${fields.lon},${fields.lat}`, 'must be a longitude and a latitude in degrees');
  const position = candidate.location?.coordinates;
  if (position && (Math.abs(position[0]) > 180 || Math.abs(position[1]) > 90)) fail(columns.lon, `${position[0]},${position[1]}`, 'must be a longitude within -180..180 and a latitude within -90..90');
  let areaId = fields.area;
  if (areaId !== '' && !gridIds.has(areaId)) fail(columns.area, areaId, `no micro-grid has id ${areaId}`);
  else if (areaId === '') {
    if (!position) fail(columns.area, '', 'no micro-grid named and no position to find one by');
    else {
      const holders = grids.filter((grid) => grid.geometry && contains(grid.geometry, [position[0], position[1]]));
      if (holders.length !== 1) fail(columns.area, '', holders.length === 0 ? 'no micro-grid holds its position; name one' : `${holders.length} micro-grids hold its position; name one`);
      else areaId = holders[0]!.id;
    }
  }
  const id = fields.id === '' ? importedId('b', areaId, fields.name) : fields.id;
  if (!ID_PATTERN.test(id)) fail(columns.id, id, 'must be an id of letters, digits, . _ : -, at most 64');
  if (problems.count > before) return undefined;
  return { id, areaId, name: fields.name, units, floors, location: candidate.location };
}
