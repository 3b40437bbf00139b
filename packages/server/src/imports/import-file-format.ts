import { open } from 'node:fs/promises';
import { extname } from 'node:path';

export type AreaFileFormat = 'geojson' | 'shapefile' | 'xlsx' | 'csv';

const BY_EXTENSION = new Map<string, AreaFileFormat>([
  ['.geojson', 'geojson'],
  ['.json', 'geojson'],
  ['.zip', 'shapefile'],
  ['.xlsx', 'xlsx'],
  ['.csv', 'csv'],
  ['.txt', 'csv'],
]);

const HEAD_BYTES = 1024;
/** A zip's central directory, which lists its members, sits at its end; 64 KiB holds hundreds of names. */
const TAIL_BYTES = 64 * 1024;

/**
 * What an areas file is. A zip is an XLSX when it holds a workbook and
 * zipped Shapefiles otherwise, whatever its name (uploads arrive with the
 * name the user's system gave them). Other files go by their extension, and
 * without a known one, text that opens with "{" is GeoJSON and the rest CSV.
 */
export async function areaFileFormat(path: string, fileName: string): Promise<AreaFileFormat> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await file.read(head, 0, head.length, 0);
    if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
      const tail = Buffer.alloc(Math.min(TAIL_BYTES, size));
      await file.read(tail, 0, tail.length, size - tail.length);
      return tail.includes('xl/workbook.xml') || head.includes('[Content_Types].xml') ? 'xlsx' : 'shapefile';
    }
    const byName = BY_EXTENSION.get(extname(fileName).toLowerCase());
    if (byName) return byName;
    return head.toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'geojson' : 'csv';
  } finally {
    await file.close();
  }
}
