// The parts of an XLSX (SpreadsheetML, ECMA-376) that the report writer
// needs, as text: the package's fixed parts, a worksheet's head and tail, and
// one row at a time. Only what the reports use: inline strings, numbers, a
// handful of styles, frozen header, column widths.
import type { Cell, ColumnKind } from './table-sink.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The cell formats of styles.xml (cellXfs), by index: plain, the header
 * (bold, centred), then a body and a bold totals format per column kind.
 * 49 is the built-in text format (@), 1 is 0, 164 the first custom one (0.0%).
 */
export const STYLE = {
  header: 1,
  body: { text: 2, integer: 3, percent: 4 },
  total: { text: 5, integer: 6, percent: 7 },
} as const satisfies { header: number; body: Record<ColumnKind, number>; total: Record<ColumnKind, number> };

const STYLES_XML =
  `${HEAD}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="1" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** What a character becomes in XML text: the five it must escape, nothing for the characters XML 1.0 cannot carry at all. */
function replacementOf(code: number): string | undefined {
  if (code === 0x26) return '&amp;';
  if (code === 0x3c) return '&lt;';
  if (code === 0x3e) return '&gt;';
  if (code === 0x22) return '&quot;';
  if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff) return '';
  return undefined;
}

/** A text as XML character data or attribute value; most texts need nothing and are returned as they are. */
export function xmlText(text: string): string {
  let escaped = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const replacement = replacementOf(text.charCodeAt(i));
    if (replacement === undefined) continue;
    escaped += text.slice(from, i) + replacement;
    from = i + 1;
  }
  return from === 0 ? text : escaped + text.slice(from);
}

/** A, B, …, Z, AA, … for the 0-based column `index`. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One cell; null is no cell at all, as is a number that is not finite. */
function cellXml(ref: string, cell: Cell, style: number): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}" s="${style}"><v>${cell}</v></c>` : '';
  const space = cell.length > 0 && (cell.trimStart() !== cell || cell.trimEnd() !== cell) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${space}>${xmlText(cell)}</t></is></c>`;
}

/** Row `number` (1-based) with one style per column; `rowStyle` styles the cells a row leaves empty too. */
export function rowXml(number: number, cells: readonly Cell[], letters: readonly string[], styles: readonly number[], rowStyle?: number): string {
  let xml = rowStyle === undefined ? `<row r="${number}">` : `<row r="${number}" s="${rowStyle}" customFormat="1">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(letters[i]! + number, cells[i]!, styles[i]!);
  return `${xml}</row>`;
}

/** A worksheet up to its first row: the header frozen above the scrolling rows, and each column's width and format. */
export function sheetHead(columns: readonly { readonly width: number; readonly style: number }[]): string {
  const cols = columns.map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width}" style="${column.style}" customWidth="1"/>`).join('');
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols === '' ? '' : `<cols>${cols}</cols>`}<sheetData>`
  );
}

export const SHEET_TAIL = '</sheetData></worksheet>';

export function worksheetPath(index: number): string {
  return `xl/worksheets/sheet${index + 1}.xml`;
}

/** The package's other parts, once every sheet's name is known. */
export function packageParts(sheetNames: readonly string[], creator: string, at: Date): [string, string][] {
  const sheets = sheetNames.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const sheetRels = sheetNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const sheetTypes = sheetNames
    .map((_, i) => `<Override PartName="/${worksheetPath(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        `${sheetTypes}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ],
    [
      'docProps/core.xml',
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${xmlText(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created></cp:coreProperties>`,
    ],
    ['xl/workbook.xml', `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheetRels}` +
        `<Relationship Id="rId${sheetNames.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES_XML],
  ];
}
