import type { ExportFormat } from '@gridsweep/contract';

/** Keeps a file name free of what file systems and headers refuse. */
function cleaned(text: string): string {
  return text.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').trim();
}

/** 2022-11-14 in China Standard Time, the day a report is for. */
export function reportDay(at: number): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 10);
}

/** 核酸第3轮-鼓楼区-统计报表-2022-11-14.xlsx */
export function exportFileName(parts: readonly string[], format: ExportFormat): string {
  return `${parts.map(cleaned).filter((part) => part !== '').join('-')}.${format}`;
}

/**
 * Content-Disposition for a download whose name is Chinese: an ASCII
 * fallback for old clients, and the real name in filename* as RFC 5987
 * (RFC 6266) asks, UTF-8 percent-encoded.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
