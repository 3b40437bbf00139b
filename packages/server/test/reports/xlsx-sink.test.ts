import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { columnName, xmlText } from '../../src/reports/spreadsheet-xml.js';
import { XlsxSink } from '../../src/reports/xlsx-sink.js';
import { readXlsx } from './export-fixture.js';

async function written(write: (sink: XlsxSink) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const sink = new XlsxSink(out);
  await write(sink);
  await sink.finish();
  return Buffer.concat(chunks);
}

describe('the XLSX writer', () => {
  it('escapes the characters XML reserves and drops the ones XML cannot carry', () => {
    expect(xmlText('榕城市')).toBe('榕城市');
    expect(xmlText('A&B <1> "q"')).toBe('A&amp;B &lt;1&gt; &quot;q&quot;');
    expect(xmlText('a\u0001b\tc\u0008')).toBe('ab\tc');
  });

  it('names columns as spreadsheets do, past Z and past ZZ', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });

  it('writes texts, counts, shares and empty cells that a reader gets back as they were, on sheets with distinct valid names', async () => {
    const columns = [
      { header: '名称', kind: 'text', width: 12 },
      { header: '户数', kind: 'integer', width: 8 },
      { header: '覆盖率', kind: 'percent', width: 8 },
    ] as const;
    const bytes = await written(async (sink) => {
      await sink.beginSheet('网格/一', columns);
      await sink.row(['<东区> & "北区"\u0007', 1200, 0.949]);
      await sink.row(['  前后有空格  ', 0, null]);
      await sink.row(['合计', 1200, 0.5], { total: true });
      await sink.endSheet();
      await sink.beginSheet('网格/一', columns);
      for (let i = 0; i < 20_000; i++) await sink.row([`微网格${i}`, i, (i % 1000) / 1000]);
      await sink.endSheet();
    });
    const { workbook, sheets } = await readXlsx(bytes);
    expect([...sheets.keys()]).toEqual(['网格_一', '网格_一_2']);
    expect(sheets.get('网格_一')).toEqual([['名称', '户数', '覆盖率'], ['<东区> & "北区"', 1200, 0.949], ['  前后有空格  ', 0], ['合计', 1200, 0.5]]);
    const many = sheets.get('网格_一_2')!;
    expect(many).toHaveLength(20_001);
    expect(many[20_000]).toEqual(['微网格19999', 19_999, 0.999]);
    const sheet = workbook.getWorksheet('网格_一')!;
    expect(sheet.getColumn(3).numFmt).toBe('0.0%');
    expect(sheet.getColumn(2).numFmt).toBe('0');
    expect(sheet.getRow(4).getCell(2).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(2).font?.bold).toBeFalsy();
  });

  it('still makes a workbook that opens when nothing was written', async () => {
    const { sheets } = await readXlsx(await written(async () => {}));
    expect(sheets.size).toBe(1);
  });
});
