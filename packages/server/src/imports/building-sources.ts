import type { Point } from '@gridsweep/core';
import { propertyOf, readGeoJsonFeatures } from './area-sources.js';
import { cellOf, mapColumns, type ImportField, type MappingCorrection } from './column-mapping.js';
import { toWgs84, type CoordinateSystem } from './coordinate-systems.js';
import type { ProblemList } from './import-problem.js';
import { readTable, type TableReadOptions } from './table-reader.js';

type BuildingFieldId = 'id' | 'name' | 'units' | 'floors' | 'area' | 'lon' | 'lat';

/** A building as a file describes it, its fields still text. */
export interface BuildingCandidate {
  readonly row: number;
  readonly fields: Readonly<Record<BuildingFieldId, string>>;
  /** WGS 84, or null when the file gives no usable position (then the area must be named). */
  readonly location: Point | null;
  /** How the file names each field, for problems. */
  readonly columns: Readonly<Record<BuildingFieldId, string>>;
}

export const BUILDING_FIELDS: readonly ImportField<BuildingFieldId>[] = [
  { id: 'id', header: '编号', aliases: ['编码', '楼栋编码', 'code', 'id'], required: false },
  { id: 'name', header: '楼栋', aliases: ['名称', '楼栋名称', '楼号', 'name'], required: true },
  { id: 'units', header: '单元数', aliases: ['单元', 'units'], required: true },
  { id: 'floors', header: '楼层数', aliases: ['层数', '总层数', 'floors'], required: true },
  { id: 'area', header: '微网格编码', aliases: ['网格编码', '所属网格', 'areaid', 'microgridid', 'area'], required: false },
  { id: 'lon', header: '经度', aliases: ['lon', 'lng', 'longitude', 'x'], required: false },
  { id: 'lat', header: '纬度', aliases: ['lat', 'latitude', 'y'], required: false },
];

const PROPERTY_NAMES: Readonly<Record<BuildingFieldId, readonly string[]>> = {
  id: ['id', 'code', '编号', '编码'],
  name: ['name', '楼栋', '名称'],
  units: ['units', '单元数'],
  floors: ['floors', '楼层数', '层数'],
  area: ['areaId', 'microgridId', 'area', '微网格编码', '网格编码'],
  lon: ['lon'],
  lat: ['lat'],
};

function position(lon: unknown, lat: unknown, crs: CoordinateSystem): Point | null {
  const x = typeof lon === 'number' ? lon : Number(lon);
  const y = typeof lat === 'number' ? lat : Number(lat);
  if (lon === '' || lat === '' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { type: 'Point', coordinates: toWgs84<[number, number]>([x, y], crs) };
}

/** Buildings from GeoJSON points, their positions moved into WGS 84. */
export async function buildingCandidatesFromGeoJson(path: string, crs: CoordinateSystem, problems: ProblemList): Promise<BuildingCandidate[]> {
  const read = await readGeoJsonFeatures(path);
  if ('reason' in read) {
    problems.add({ row: 0, column: '', value: '', reason: read.reason });
    return [];
  }
  return read.features.map((raw, index) => {
    const feature = (raw ?? {}) as { id?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    const properties = feature.properties ?? {};
    const fields = {} as Record<BuildingFieldId, string>;
    const columns = {} as Record<BuildingFieldId, string>;
    for (const id of Object.keys(PROPERTY_NAMES) as BuildingFieldId[]) {
      const found = propertyOf(properties, PROPERTY_NAMES[id], id === 'id' ? feature.id : undefined);
      fields[id] = found.value;
      columns[id] = found.name;
    }
    const coordinates = feature.geometry?.type === 'Point' && Array.isArray(feature.geometry.coordinates) ? (feature.geometry.coordinates as unknown[]) : [];
    columns.lon = columns.lat = 'geometry';
    return { row: index, fields, columns, location: position(coordinates[0], coordinates[1], crs) };
  });
}

/** Buildings from CSV or XLSX rows with a position in 经度 and 纬度 columns or a named micro-grid. */
export async function buildingCandidatesFromTable(path: string, options: TableReadOptions & { correction?: MappingCorrection; crs?: CoordinateSystem }, problems: ProblemList): Promise<BuildingCandidate[]> {
  const candidates: BuildingCandidate[] = [];
  let headers: readonly string[] | undefined;
  let mapping: Partial<Record<BuildingFieldId, number>> = {};
  for await (const { row, cells } of readTable(path, options)) {
    if (!headers) {
      headers = cells;
      const mapped = mapColumns(cells, BUILDING_FIELDS, row, options.correction);
      mapped.problems.forEach((problem) => problems.add(problem));
      if (mapped.problems.length > 0) return [];
      mapping = mapped.mapping;
      continue;
    }
    const fields = {} as Record<BuildingFieldId, string>;
    const columns = {} as Record<BuildingFieldId, string>;
    for (const field of BUILDING_FIELDS) {
      fields[field.id] = cellOf(cells, mapping, field.id);
      columns[field.id] = mapping[field.id] === undefined ? field.header : (headers[mapping[field.id]!] ?? field.header);
    }
    candidates.push({ row, fields, columns, location: position(fields.lon, fields.lat, options.crs ?? 'wgs84') });
  }
  return candidates;
}
