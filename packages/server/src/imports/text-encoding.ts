/** The encodings a roster CSV arrives in: Excel on a Chinese Windows still saves GB18030 (its "ANSI"). */
export type CsvEncoding = 'utf8' | 'gb18030';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Guesses a CSV's encoding from its first bytes: a BOM or bytes that decode
 * as UTF-8 mean UTF-8, anything else is taken as GB18030. A multi-byte
 * character cut at the end of the sample is not held against UTF-8.
 */
export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head.length >= 3 && UTF8_BOM.every((byte, i) => head[i] === byte)) return 'utf8';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      decoder.decode(head.subarray(0, head.length - cut));
      return 'utf8';
    } catch {
      // try again without a possibly cut character at the end
    }
  }
  return head.length === 0 ? 'utf8' : 'gb18030';
}
