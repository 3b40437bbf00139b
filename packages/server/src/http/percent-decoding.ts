/** Lead byte → sequence length and the bits it carries, for UTF-8 sequences of 2 to 4 bytes. */
function leadOf(byte: number): { length: number; bits: number; min: number } | null {
  if (byte >= 0xc2 && byte < 0xe0) return { length: 2, bits: byte & 0x1f, min: 0x80 };
  if (byte >= 0xe0 && byte < 0xf0) return { length: 3, bits: byte & 0x0f, min: 0x800 };
  if (byte >= 0xf0 && byte < 0xf5) return { length: 4, bits: byte & 0x07, min: 0x10000 };
  return null;
}

/**
 * Bytes as text the way WTF-8 reads them: UTF-8, except that an encoded
 * surrogate (ED A0 80 is U+D800) becomes that lone surrogate rather than a
 * replacement character. Anything else that is not UTF-8 becomes U+FFFD.
 */
function decodeBytes(bytes: readonly number[]): string {
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      text += String.fromCharCode(byte);
      i++;
      continue;
    }
    const lead = leadOf(byte);
    let codePoint = lead?.bits ?? -1;
    for (let k = 1; lead && k < lead.length && codePoint >= 0; k++) {
      const next = bytes[i + k];
      codePoint = next !== undefined && next >= 0x80 && next < 0xc0 ? (codePoint << 6) | (next & 0x3f) : -1;
    }
    if (!lead || codePoint < lead.min || codePoint > 0x10ffff) {
      text += '\ufffd';
      i++;
      continue;
    }
    text += String.fromCodePoint(codePoint);
    i += lead.length;
  }
  return text;
}

/**
 * A percent-encoded URL component as the text it encodes. Where it is not
 * UTF-8 (decodeURIComponent refuses it), an encoded lone surrogate is kept as
 * one, so the contract's free-text and id rules refuse it naming the field,
 * instead of it passing as replacement characters or failing the request whole.
 */
export function decodeComponent(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    const bytes: number[] = [];
    let text = '';
    const flush = () => {
      text += decodeBytes(bytes);
      bytes.length = 0;
    };
    for (let i = 0; i < component.length; i++) {
      const hex = component[i] === '%' ? component.slice(i + 1, i + 3) : '';
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        flush();
        text += component[i];
      }
    }
    flush();
    return text;
  }
}
