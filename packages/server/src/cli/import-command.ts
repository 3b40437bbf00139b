import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { storageOptionsOf } from '../app-options.js';
import { readConfig } from '../config.js';
import { openStorage } from '../db/open-database.js';
import { importAreas } from '../imports/areas-import.js';
import { importBuildings } from '../imports/buildings-import.js';
import { COORDINATE_SYSTEMS, isCoordinateSystem } from '../imports/coordinate-systems.js';
import type { ImportReportBase } from '../imports/import-report.js';
import { importRoster } from '../imports/roster-import.js';
import { storedSpecialGroups } from '../imports/template-groups.js';
import { OUTLINE_TOLERANCE } from '../territory-outline.js';
import { ProgressBar } from './progress-bar.js';
import { UsageError } from './usage-error.js';

export const IMPORT_HELP = `Usage: gridsweep import areas|buildings|roster FILE [options]

Imports into the configured database (DATABASE_URL, else the PGlite folder
DATA_DIR). Every file is checked whole first; with any problem nothing is
written. The report (counts to add, change and leave, and every problem by
row, column, value and reason) is printed as JSON on stdout.

  areas FILE       GeoJSON polygons (.geojson, .json), a zipped Shapefile
                   (.zip: .shp, .dbf, .prj, .cpg; GBK .dbf read as such), or
                   CSV/XLSX rows of 编码, 名称, 级别, 上级编码
  buildings FILE   GeoJSON points, or CSV/XLSX rows of 楼栋, 单元数, 楼层数,
                   微网格编码 and/or 经度, 纬度
  roster FILE      CSV (UTF-8, with or without BOM, or GB18030) or XLSX, one
                   member a row: 小区, 楼栋, 单元, 房号, 姓名, 手机号, 出生年份,
                   特殊人群 (several, split by 、), 楼层, 是否空置

Options:
  --dry-run            check and count, write nothing
  --crs SYSTEM         ${COORDINATE_SYSTEMS.join(' | ')}: the file's coordinates (default wgs84)
  --level LEVEL        areas: the level of areas the file does not give one
  --parent ID          areas: the parent of top areas the file gives none
  --area ID            roster: the area whose buildings the rows name (required)
  --map FIELD=HEADER   read FIELD from the column headed HEADER (repeatable)
  --tolerance SHARE    areas: share of a child allowed outside its parent's outline
                       (default 0.01, as for the API and the HTTP import)
  --quiet              no progress bar on stderr
  -h, --help           this text

The running server reads areas, buildings and households at start: restart it
after importing from the command line (or import over HTTP instead).
Exit code 0 when written (or, with --dry-run, when clean), 1 with problems.
`;

const KINDS = ['areas', 'buildings', 'roster'] as const;

export async function importCommand(args: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        crs: { type: 'string', default: 'wgs84' },
        level: { type: 'string' },
        parent: { type: 'string' },
        area: { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        tolerance: { type: 'string', default: String(OUTLINE_TOLERANCE) },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(IMPORT_HELP);
    return;
  }
  const [kind, path, ...rest] = positionals;
  if (!kind || !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`say what to import: ${KINDS.join(', ')}`);
  if (!path || rest.length > 0) throw new UsageError('name exactly one FILE');
  const crs = values.crs;
  if (!isCoordinateSystem(crs)) throw new UsageError(`--crs must be one of ${COORDINATE_SYSTEMS.join(', ')}, got "${crs}"`);
  const tolerance = Number(values.tolerance);
  if (!(tolerance >= 0 && tolerance <= 1)) throw new UsageError(`--tolerance must be a share from 0 to 1, got "${values.tolerance}"`);
  const correction = mappingOption(values.map);
  if (kind === 'roster' && !values.area) throw new UsageError('--area is required for a roster: the area whose buildings its rows name');

  const storage = await openStorage(storageOptionsOf({ config: readConfig() }));
  const bar = values.quiet ? undefined : new ProgressBar();
  const onBytes = bar ? (done: number, total: number) => bar.update('reading', done, total) : undefined;
  const actor = { id: `cli:${userInfo().username}`, role: 'admin', source: 'cli' };
  const dryRun = values['dry-run'];
  try {
    let report: ImportReportBase;
    if (kind === 'roster') {
      const groups = await storedSpecialGroups(storage.db);
      ({ report } = await importRoster(storage.db, { path, areaId: values.area!, groups, correction, dryRun, actor, onBytes }));
    } else if (kind === 'areas') {
      ({ report } = await importAreas(storage.db, { path, crs: crs, level: values.level, parentId: values.parent, tolerance, correction, dryRun, actor, onBytes }));
    } else {
      ({ report } = await importBuildings(storage.db, { path, crs: crs, correction, dryRun, actor, onBytes }));
    }
    bar?.finish();
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    const outcome = report.committed ? 'written' : report.problemCount > 0 ? `${report.problemCount} problems, nothing written` : 'dry run, nothing written';
    process.stderr.write(`${kind}: ${report.rows} rows read; ${outcome}\n`);
    if (report.problemCount > 0) process.exitCode = 1;
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  } finally {
    await storage.close();
  }
}

function mappingOption(pairs: readonly string[]): Record<string, string> {
  const correction: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--map takes FIELD=HEADER, got "${pair}"`);
    correction[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return correction;
}
