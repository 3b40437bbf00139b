import { detectEncoding } from './text-encoding.js';

/**
 * The TextDecoder label a .dbf's text is in. A .cpg beside it says so (ArcGIS
 * writes "936" or "GBK", QGIS "UTF-8"); else the language driver byte in the
 * header may; else the records are read as UTF-8 when they decode as such and
 * as GB18030 when not, which is what Chinese offices' older tools write
 * without saying. GB18030's decoder reads GBK and GB2312 as well.
 */
export function dbfEncoding(cpg: string | undefined, dbf: Uint8Array): string {
  if (cpg !== undefined && cpg.trim() !== '') return labelOfCodePage(cpg.trim());
  const driver = LANGUAGE_DRIVERS.get(dbf[29] ?? 0);
  if (driver) return driver;
  return detectEncoding(textBytesOf(dbf)) === 'utf8' ? 'utf-8' : 'gb18030';
}

/** dBASE language driver ids that name a code page, as ESRI's table gives them. */
const LANGUAGE_DRIVERS = new Map<number, string>([
  [0x4d, 'gb18030'], // 936 Chinese GBK
  [0x7a, 'gb18030'], // 936 PRC GBK
  [0x4f, 'big5'], // 950 Chinese Big5
  [0x78, 'big5'], // 950 Taiwan Big5
]);

function labelOfCodePage(text: string): string {
  const name = text.toLowerCase().replace(/^ansi[\s_]*/, '').replace(/^(cp|windows-?)(?=\d)/, '');
  if (['936', 'gbk', 'gb2312', 'gb18030', '54936'].includes(name)) return 'gb18030';
  if (['65001', 'utf-8', 'utf8'].includes(name)) return 'utf-8';
  if (name === '950') return 'big5';
  return /^\d+$/.test(name) ? `windows-${name}` : name;
}

/** The bytes of a .dbf that hold text: the field names and the records, not the binary header around them. */
function textBytesOf(dbf: Uint8Array): Uint8Array {
  if (dbf.length < 32) return new Uint8Array(0);
  const headerLength = dbf[8]! | (dbf[9]! << 8);
  const parts: Uint8Array[] = [];
  for (let offset = 32; offset + 11 <= headerLength && dbf[offset] !== 0x0d; offset += 32) parts.push(dbf.subarray(offset, offset + 11));
  parts.push(dbf.subarray(headerLength, headerLength + 64 * 1024));
  return Buffer.concat(parts);
}
