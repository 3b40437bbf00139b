import { describe, expect, it } from 'vitest';
import { downloadName } from '../src/lib/api/download-name.js';

describe('the name of a downloaded report', () => {
  it("is the Chinese name of filename* (RFC 5987), not the ASCII fallback", () => {
    const header = `attachment; filename="report-r1-d-2022-11-14.xlsx"; filename*=UTF-8''${encodeURIComponent('11-14 全员核酸-鼓楼区-统计报表-2022-11-14.xlsx')}`;
    expect(downloadName(header, 'x.xlsx')).toBe('11-14 全员核酸-鼓楼区-统计报表-2022-11-14.xlsx');
  });

  it('falls back to the plain filename, then to the caller\'s name, when filename* is missing or broken', () => {
    expect(downloadName('attachment; filename="ledger.csv"', 'x.csv')).toBe('ledger.csv');
    expect(downloadName("attachment; filename=\"ledger.csv\"; filename*=UTF-8''%E4%B8", 'x.csv')).toBe('ledger.csv');
    expect(downloadName(null, 'x.csv')).toBe('x.csv');
  });
});
