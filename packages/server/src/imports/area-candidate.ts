import type { AreaGeometry } from '@gridsweep/core';

/** An area as a file describes it, before its parent and level are settled. */
export interface AreaCandidate {
  /** Feature index (GeoJSON, from 0) or spreadsheet row (from 1). */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** A level id or its Chinese name; '' when the file does not say. */
  readonly level: string;
  /** The parent's id or code; '' when the file does not say. */
  readonly parent: string;
  readonly geometry: AreaGeometry | null;
  /** How the file names each field, for problems: property or column. */
  readonly columns: { readonly id: string; readonly name: string; readonly level: string; readonly parent: string };
}

/** Property names a GeoJSON feature or Shapefile record may carry each field under, first found wins (XZQDM/XZQMC: the land survey's 行政区代码/名称). */
export const AREA_PROPERTIES = {
  id: ['id', 'code', 'areaId', 'adcode', '编码', '代码', '区划代码', '统计代码', 'XZQDM', 'PAC'],
  name: ['name', '名称', 'title', 'XZQMC'],
  level: ['level', '级别', '层级'],
  parent: ['parentId', 'parent_id', 'parentCode', 'parent', '上级编码', '上级代码', '父级编码', 'PCODE'],
} as const;
