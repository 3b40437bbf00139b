import { iter } from 'but-unzip';
import { parseDbf, parseShp } from 'shpjs';
import { dbfEncoding } from './dbf-encoding.js';
import { withRfc7946Winding } from './rfc7946-winding.js';

export interface ShapefileFeature {
  readonly properties: Record<string, unknown>;
  /** A GeoJSON geometry, or null for a null shape. */
  readonly geometry: { readonly type: string; readonly coordinates: unknown } | null;
}

export interface ShapefileLayer {
  /** The layer's path in the zip without its extension, e.g. "福州/街道". */
  readonly name: string;
  /** The TextDecoder label its .dbf was read with. */
  readonly encoding: string;
  readonly features: readonly ShapefileFeature[];
}

/** What makes a zip unreadable as Shapefiles: the member file at fault and why. */
export interface ShapefileFault {
  readonly file: string;
  readonly reason: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads every Shapefile layer (.shp with its .dbf, and .prj and .cpg when
 * there) of a zip, in the zip's order. shpjs parses the shapes and, through
 * proj4, moves them out of the .prj's projection into longitude and latitude;
 * the .dbf's encoding is settled here because shpjs reads a .dbf without a
 * .cpg as UTF-8, which turns the GBK names of Chinese offices' files into
 * replacement characters.
 */
export async function readZippedShapefile(bytes: Uint8Array): Promise<{ layers: ShapefileLayer[] } | ShapefileFault> {
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return { file: '', reason: 'is not a zip archive: zip the .shp, .shx, .dbf, .prj (and .cpg) files together' };
  const members = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(bytes)) {
      if (entry.filename.endsWith('/') || entry.filename.includes('__MACOSX/')) continue;
      const dot = entry.filename.lastIndexOf('.');
      if (dot < 0) continue;
      const extension = entry.filename.slice(dot).toLowerCase();
      if (['.shp', '.dbf', '.prj', '.cpg'].includes(extension)) members.set(entry.filename.slice(0, dot) + extension, await entry.read());
    }
  } catch (error) {
    return { file: '', reason: `the zip cannot be read: ${messageOf(error)}` };
  }
  const names = [...members.keys()].filter((name) => name.endsWith('.shp')).map((name) => name.slice(0, -4));
  if (names.length === 0) return { file: '', reason: 'the zip holds no .shp file' };
  const layers: ShapefileLayer[] = [];
  for (const name of names) {
    const layer = readLayer(name, members);
    if ('reason' in layer) return layer;
    layers.push(layer);
  }
  return { layers };
}

function readLayer(name: string, members: ReadonlyMap<string, Uint8Array>): ShapefileLayer | ShapefileFault {
  const shp = members.get(`${name}.shp`)!;
  const dbf = members.get(`${name}.dbf`);
  if (!dbf) return { file: `${name}.dbf`, reason: `${name}.shp has no .dbf beside it, and the names and codes of its areas are in the .dbf` };
  const text = (file: string): string | undefined => {
    const member = members.get(file);
    return member ? new TextDecoder().decode(member) : undefined;
  };
  const encoding = dbfEncoding(text(`${name}.cpg`), dbf);
  try {
    new TextDecoder(encoding);
  } catch {
    return { file: `${name}.cpg`, reason: `names the code page "${text(`${name}.cpg`)?.trim()}", which cannot be decoded here` };
  }
  let shapes: ReturnType<typeof parseShp>;
  let records: ReturnType<typeof parseDbf>;
  try {
    shapes = parseShp(view(shp), text(`${name}.prj`));
  } catch (error) {
    return { file: `${name}.shp`, reason: `cannot be read: ${messageOf(error)}` };
  }
  try {
    records = parseDbf(view(dbf), encoding);
  } catch (error) {
    return { file: `${name}.dbf`, reason: `cannot be read: ${messageOf(error)}` };
  }
  // shpjs stops quietly at a record cut short, so a broken .shp shows as fewer shapes than records.
  if (shapes.length !== records.length) {
    return { file: `${name}.shp`, reason: `holds ${shapes.length} shapes but ${name}.dbf holds ${records.length} records: one of the two is cut short or belongs to another layer` };
  }
  const features = shapes.map((geometry, index) => ({ properties: records[index]!, geometry: geometry && withRfc7946Winding(geometry) }));
  return { name, encoding, features };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
