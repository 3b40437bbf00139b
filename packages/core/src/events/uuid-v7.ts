// Web Crypto is global in Node 20, browsers and workers; declared locally so
// the core needs neither DOM nor Node type definitions.
interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}
const randomSource = (globalThis as unknown as { crypto: RandomSource }).crypto;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A UUID v7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids
 * made on a device sort by creation time and never need a server to hand them out.
 * Pass `random` for reproducible ids (tests, the simulator).
 */
export function uuidV7(timeMs: number = Date.now(), random?: () => number): string {
  const bytes = new Uint8Array(16);
  if (random) for (let i = 6; i < 16; i++) bytes[i] = Math.floor(random() * 256);
  else randomSource.getRandomValues(bytes);
  let time = Math.max(0, Math.floor(timeMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let text = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text += '-';
    text += HEX[bytes[i]!];
  }
  return text;
}

export function isUuidV7(value: string): boolean {
  return UUID_V7_PATTERN.test(value);
}
