import { readFile } from 'node:fs/promises';
import type { AreaGeometry } from '@gridsweep/core';
import { AREA_PROPERTIES, type AreaCandidate } from './area-candidate.js';
import { cellOf, mapColumns, type ImportField, type MappingCorrection } from './column-mapping.js';
import { toWgs84, type CoordinateSystem } from './coordinate-systems.js';
import type { ProblemList } from './import-problem.js';
import { readTable, type TableReadOptions } from './table-reader.js';

/** Reads a GeoJSON file's features; each is either a candidate or problems named by feature index. */
export async function readGeoJsonFeatures(path: string): Promise<{ features: readonly unknown[] } | { reason: string }> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const collection = document as { type?: unknown; features?: unknown };
  if (collection?.type === 'Feature') return { features: [document] };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) return { reason: 'must be a GeoJSON FeatureCollection' };
  return { features: collection.features };
}

export function propertyOf(properties: Record<string, unknown>, names: readonly string[], fallback?: unknown): { name: string; value: string } {
  for (const name of names) {
    const value = scalarText(properties[name]);
    if (value !== '') return { name, value };
  }
  // Shapefile fields are mostly upper case (NAME, CODE): a name in another case is the same property.
  const lowered = new Map(Object.keys(properties).map((key) => [key.toLowerCase(), key]));
  const keys = names.flatMap((name) => lowered.get(name.toLowerCase()) ?? []);
  for (const key of keys) {
    const value = scalarText(properties[key]);
    if (value !== '') return { name: key, value };
  }
  // An empty property is named as the file has it, for a problem to point at.
  return { name: keys[0] ?? names[0]!, value: scalarText(fallback) };
}

/** A property's value as text; objects, lists and a .dbf's empty numbers (NaN) are not ids or names, so they read as empty. */
function scalarText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return typeof value === 'string' || typeof value === 'boolean' ? String(value).trim() : '';
}

/**
 * An area candidate from a GeoJSON feature, its coordinates moved into WGS 84.
 * `columnPrefix` names the layer a property comes from when a file has several.
 */
export function areaCandidateOf(raw: unknown, row: number, crs: CoordinateSystem, columnPrefix = ''): AreaCandidate {
  const feature = (raw ?? {}) as { id?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
  const properties = feature.properties ?? {};
  const id = propertyOf(properties, AREA_PROPERTIES.id, feature.id);
  const name = propertyOf(properties, AREA_PROPERTIES.name);
  const level = propertyOf(properties, AREA_PROPERTIES.level);
  const parent = propertyOf(properties, AREA_PROPERTIES.parent);
  const geometry = feature.geometry ? ({ ...feature.geometry, coordinates: toWgs84(feature.geometry.coordinates, crs) } as AreaGeometry) : null;
  const column = (name: string): string => columnPrefix + name;
  return { row, id: id.value, name: name.value, level: level.value, parent: parent.value, geometry, columns: { id: column(id.name), name: column(name.name), level: column(level.name), parent: column(parent.name) } };
}

/** Area candidates from a GeoJSON's polygons, their coordinates moved into WGS 84. */
export async function areaCandidatesFromGeoJson(path: string, crs: CoordinateSystem, problems: ProblemList): Promise<AreaCandidate[]> {
  const read = await readGeoJsonFeatures(path);
  if ('reason' in read) {
    problems.add({ row: 0, column: '', value: '', reason: read.reason });
    return [];
  }
  return read.features.map((raw, index) => areaCandidateOf(raw, index, crs));
}

type AreaFieldId = 'id' | 'name' | 'level' | 'parent';

export const AREA_FIELDS: readonly ImportField<AreaFieldId>[] = [
  { id: 'id', header: '编码', aliases: ['代码', '区划代码', '统计代码', '统计用区划代码', 'code', 'id'], required: true },
  { id: 'name', header: '名称', aliases: ['区划名称', '名字', 'name'], required: true },
  { id: 'level', header: '级别', aliases: ['层级', 'level'], required: false },
  { id: 'parent', header: '上级编码', aliases: ['上级代码', '父级编码', 'parentcode', 'parentid', 'parent'], required: false },
];

/** Area candidates without outlines, from CSV or XLSX rows of code, name, level and parent code. */
export async function areaCandidatesFromTable(path: string, options: TableReadOptions & { correction?: MappingCorrection }, problems: ProblemList): Promise<AreaCandidate[]> {
  const candidates: AreaCandidate[] = [];
  let headers: readonly string[] | undefined;
  let mapping: Partial<Record<AreaFieldId, number>> = {};
  for await (const { row, cells } of readTable(path, options)) {
    if (!headers) {
      headers = cells;
      const mapped = mapColumns(cells, AREA_FIELDS, row, options.correction);
      mapped.problems.forEach((problem) => problems.add(problem));
      if (mapped.problems.length > 0) return [];
      mapping = mapped.mapping;
      continue;
    }
    const header = (field: AreaFieldId): string => (mapping[field] === undefined ? field : (headers![mapping[field]] ?? field));
    candidates.push({
      row,
      id: cellOf(cells, mapping, 'id'),
      name: cellOf(cells, mapping, 'name'),
      level: cellOf(cells, mapping, 'level'),
      parent: cellOf(cells, mapping, 'parent'),
      geometry: null,
      columns: { id: header('id'), name: header('name'), level: header('level'), parent: header('parent') },
    });
  }
  return candidates;
}
