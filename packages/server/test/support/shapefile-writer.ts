import iconv from 'iconv-lite';

/** A ring as GeoJSON gives it: [longitude, latitude] positions, closed. */
export type Ring = readonly (readonly [number, number])[];

export interface ShapefileRecord {
  /** A polygon's rings, outer first (any winding: written the Shapefile way), or null for a null shape. */
  readonly rings: readonly Ring[] | null;
  readonly properties: Readonly<Record<string, string | number>>;
}

export interface ShapefileLayerOptions {
  /** Character fields, in order, with their width in bytes; numbers are written as 'N' fields of width 18. */
  readonly fields: readonly { readonly name: string; readonly type: 'C' | 'N'; readonly width?: number }[];
  /** How the .dbf's text is encoded, as iconv-lite names it. */
  readonly encoding: string;
  /** The .dbf header's language driver byte (0x4d: GBK), 0 when absent. */
  readonly languageDriver?: number;
}

const POLYGON = 5;
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** The .shp, .shx and .dbf of a polygon layer, as ArcGIS or QGIS write them (outer rings clockwise). */
export function shapefileLayer(records: readonly ShapefileRecord[], options: ShapefileLayerOptions): { shp: Buffer; shx: Buffer; dbf: Buffer } {
  const contents = records.map((record) => (record.rings ? polygonContent(record.rings) : nullContent()));
  const bounds = contents.reduce<number[] | null>((all, content) => (content.box ? (all ? [Math.min(all[0]!, content.box[0]), Math.min(all[1]!, content.box[1]), Math.max(all[2]!, content.box[2]), Math.max(all[3]!, content.box[3])] : [...content.box]) : all), null) ?? [0, 0, 0, 0];
  const shpRecords = contents.map((content, index) => {
    const header = Buffer.alloc(8);
    header.writeInt32BE(index + 1, 0);
    header.writeInt32BE(content.bytes.length / 2, 4);
    return Buffer.concat([header, content.bytes]);
  });
  const shpLength = 100 + shpRecords.reduce((sum, r) => sum + r.length, 0);
  const shx = Buffer.alloc(100 + 8 * records.length);
  let offset = 100;
  contents.forEach((content, index) => {
    shx.writeInt32BE(offset / 2, 100 + index * 8);
    shx.writeInt32BE(content.bytes.length / 2, 104 + index * 8);
    offset += 8 + content.bytes.length;
  });
  return {
    shp: Buffer.concat([fileHeader(shpLength, bounds), ...shpRecords]),
    shx: Buffer.concat([fileHeader(shx.length, bounds), shx.subarray(100)]),
    dbf: dbfOf(records, options),
  };
}

function fileHeader(length: number, bounds: readonly number[]): Buffer {
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE(length / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(POLYGON, 32);
  bounds.forEach((value, i) => header.writeDoubleLE(value, 36 + i * 8));
  return header;
}

function nullContent(): { bytes: Buffer; box: null } {
  return { bytes: Buffer.alloc(4), box: null };
}

function polygonContent(rings: readonly Ring[]): { bytes: Buffer; box: [number, number, number, number] } {
  const wound = rings.map((ring, index) => (clockwise(ring) === (index === 0) ? ring : [...ring].reverse()));
  const points = wound.flat();
  const box: [number, number, number, number] = [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))];
  const bytes = Buffer.alloc(44 + 4 * wound.length + 16 * points.length);
  bytes.writeInt32LE(POLYGON, 0);
  box.forEach((value, i) => bytes.writeDoubleLE(value, 4 + i * 8));
  bytes.writeInt32LE(wound.length, 36);
  bytes.writeInt32LE(points.length, 40);
  let start = 0;
  wound.forEach((ring, i) => {
    bytes.writeInt32LE(start, 44 + i * 4);
    start += ring.length;
  });
  points.forEach(([x, y], i) => {
    bytes.writeDoubleLE(x, 44 + 4 * wound.length + i * 16);
    bytes.writeDoubleLE(y, 52 + 4 * wound.length + i * 16);
  });
  return { bytes, box };
}

function clockwise(ring: Ring): boolean {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += (ring[i]![0] - ring[i - 1]![0]) * (ring[i]![1] + ring[i - 1]![1]);
  return sum > 0;
}

function dbfOf(records: readonly ShapefileRecord[], options: ShapefileLayerOptions): Buffer {
  const fields = options.fields.map((field) => ({ ...field, width: field.width ?? (field.type === 'N' ? 18 : 40) }));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, f) => sum + f.width, 0);
  const header = Buffer.alloc(headerLength);
  header[0] = 0x03;
  header[1] = 122;
  header[2] = 11;
  header[3] = 14;
  header.writeUInt32LE(records.length, 4);
  header.writeUInt16LE(headerLength, 8);
  header.writeUInt16LE(recordLength, 10);
  header[29] = options.languageDriver ?? 0;
  fields.forEach((field, i) => {
    const at = 32 + i * 32;
    iconv.encode(field.name, options.encoding).copy(header, at, 0, 10);
    header[at + 11] = field.type.charCodeAt(0);
    header[at + 16] = field.width;
  });
  header[headerLength - 1] = 0x0d;
  const rows = records.map((record) => {
    const row = Buffer.alloc(recordLength, 0x20);
    let at = 1;
    for (const field of fields) {
      const value = record.properties[field.name];
      const bytes = iconv.encode(value === undefined ? '' : String(value), options.encoding);
      if (bytes.length > field.width) throw new RangeError(`${field.name}: "${value}" is wider than ${field.width} bytes`);
      bytes.copy(row, field.type === 'N' ? at + field.width - bytes.length : at);
      at += field.width;
    }
    return row;
  });
  return Buffer.concat([header, ...rows, Buffer.from([0x1a])]);
}
