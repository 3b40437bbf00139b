import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** Whether two colours differ by at most `tolerance` in each channel (anti-aliasing, blending rounding). */
export function near(actual: Rgb, expected: Rgb, tolerance = 8): boolean {
  return Math.abs(actual.r - expected.r) <= tolerance && Math.abs(actual.g - expected.g) <= tolerance && Math.abs(actual.b - expected.b) <= tolerance;
}

/**
 * The colour on screen at one point, read from a 1×1 screenshot. WebGL
 * canvases cannot be read back from the page once composited, so the test
 * looks at what the user would see instead.
 */
export async function pixelAt(page: Page, x: number, y: number): Promise<Rgb> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, type: 'png' });
  return firstPixelOfPng(png);
}

/** Decodes the first pixel of an 8-bit RGB or RGBA PNG; a 1×1 image needs no unfiltering beyond "none" or "sub". */
export function firstPixelOfPng(png: Buffer): Rgb {
  const colourType = png[25];
  if (png[24] !== 8 || (colourType !== 2 && colourType !== 6)) {
    throw new Error(`expected an 8-bit RGB(A) PNG, got bit depth ${png[24]} colour type ${colourType}`);
  }
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  // Byte 0 is the row's filter; for the first pixel of the first row every filter leaves it as stored.
  return { r: raw[1]!, g: raw[2]!, b: raw[3]! };
}
