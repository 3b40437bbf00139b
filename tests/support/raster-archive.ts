import { crc32, deflateSync } from 'node:zlib';

// A basemap for tests, made here rather than downloaded: one 256 × 256 PNG
// tile of a single colour at zoom 0, in a PMTiles v3 archive, which MapLibre
// over-zooms to cover the whole map at any zoom.

/** A 256 × 256 PNG of one colour. */
export function solidPng(rgb: readonly [number, number, number]): Buffer {
  const size = 256;
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PMTiles v3 archive (spec: github.com/protomaps/PMTiles, spec/v3) holding one PNG tile, z0/0/0, uncompressed. */
export function singleTileArchive(png: Buffer): Buffer {
  // The root directory: one entry (tile id 0, run length 1, its length, offset 0 written as 0 + 1).
  const root = Buffer.from([1, 0, 1, ...varint(png.length), 1]);
  const metadata = Buffer.from('{}');
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = header.length;
  const metadataOffset = rootOffset + root.length;
  const tileDataOffset = metadataOffset + metadata.length;
  const offsets = [rootOffset, root.length, metadataOffset, metadata.length, tileDataOffset, 0, tileDataOffset, png.length, 1, 1, 1];
  offsets.forEach((value, i) => header.writeBigUInt64LE(BigInt(value), 8 + i * 8));
  // Clustered; no internal or tile compression; PNG tiles; zoom 0 to 0.
  header.set([1, 1, 1, 2, 0, 0], 96);
  [-180, -85, 180, 85].forEach((degrees, i) => header.writeInt32LE(degrees * 1e7, 102 + i * 4));
  header.writeUInt8(0, 118);
  return Buffer.concat([header, root, metadata, png]);
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return bytes;
}
