import { shapefileLayer, WGS84_PRJ, type Ring, type ShapefileLayerOptions, type ShapefileRecord } from '../support/shapefile-writer.js';

export const box = (west: number, south: number, size: number): Ring => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

export const FIELDS: ShapefileLayerOptions['fields'] = [
  { name: 'CODE', type: 'C', width: 16 },
  { name: 'NAME', type: 'C', width: 30 },
  { name: 'LEVEL', type: 'C', width: 12 },
  { name: 'PCODE', type: 'C', width: 16 },
];

/** A city, a district in it, a street in that and two communities in the street; parent codes only when asked. */
export function nestedRecords(withParents: boolean): ShapefileRecord[] {
  const record = (code: string, name: string, level: string, parent: string, ring: Ring): ShapefileRecord => ({
    rings: [ring],
    properties: { CODE: code, NAME: name, LEVEL: level, ...(withParents ? { PCODE: parent } : {}) },
  });
  // Children first: the file's order must not matter.
  return [
    record('350102001001', '东街社区', 'community', '350102001', box(119.301, 26.081, 0.004)),
    record('350102001002', '南街社区', '社区', '350102001', box(119.306, 26.081, 0.004)),
    record('350102001', '东街街道', 'street', '350102', box(119.3, 26.08, 0.012)),
    record('350102', '鼓楼区', 'district', '3501', box(119.28, 26.06, 0.05)),
    record('3501', '福州市', 'city', '', box(119.2, 26.0, 0.2)),
  ];
}

export const GBK: ShapefileLayerOptions = { fields: FIELDS, encoding: 'gbk' };

/** The members of one layer: .shp, .shx, .dbf, a WGS 84 .prj and, when given, a .cpg. */
export function layerMembers(name: string, records: readonly ShapefileRecord[], options: ShapefileLayerOptions, cpg?: string) {
  const { shp, shx, dbf } = shapefileLayer(records, options);
  return [
    { name: `${name}.shp`, bytes: shp },
    { name: `${name}.shx`, bytes: shx },
    { name: `${name}.dbf`, bytes: dbf },
    { name: `${name}.prj`, bytes: Buffer.from(WGS84_PRJ) },
    ...(cpg === undefined ? [] : [{ name: `${name}.cpg`, bytes: Buffer.from(cpg) }]),
  ];
}
