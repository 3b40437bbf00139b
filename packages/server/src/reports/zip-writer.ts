import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { constants, createDeflateRaw, crc32, type DeflateRaw } from 'node:zlib';

/** Bit 3: sizes and CRC follow the data (it streams); bit 11: names are UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
const LIMIT = 0xffff_ffff;

interface Entry {
  readonly name: Buffer;
  readonly offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/** The MS-DOS time and date a zip entry carries (local time, two-second steps). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: (Math.max(0, at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * A zip archive written front to back to a stream, one deflated entry at a
 * time, with its sizes in a data descriptor after the data: nothing is kept
 * but each entry's 20-odd bytes for the central directory. Deflate runs in
 * node's thread pool, beside the thread that writes the XML. No ZIP64: an
 * archive past 4 GiB is refused (a city's report is tens of megabytes).
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly stamp = dosTime(new Date());
  private offset = 0;
  private entry: Entry | null = null;
  private deflate: DeflateRaw | null = null;
  private flushed: Promise<unknown> = Promise.resolve();

  /** `level` is zlib's: 1 is several times cheaper than 6 on a report's repetitive XML, for a file a fifth larger. */
  constructor(
    private readonly out: Writable,
    private readonly level: number = constants.Z_BEST_SPEED,
  ) {}

  async begin(name: string): Promise<void> {
    if (this.entry) throw new Error(`zip entry ${this.entry.name.toString()} is still open`);
    const entry: Entry = { name: Buffer.from(name, 'utf8'), offset: this.offset, crc: 0, size: 0, compressed: 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt16LE(entry.name.length, 26);
    await this.emit(Buffer.concat([header, entry.name]));
    const deflate = createDeflateRaw({ level: this.level, memLevel: 9 });
    let waiting = false;
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk) && !waiting) {
        // The response is behind: the deflater waits, and so, through its own buffer, does the XML.
        waiting = true;
        deflate.pause();
        this.out.once('drain', () => {
          waiting = false;
          deflate.resume();
        });
      }
    });
    this.flushed = once(deflate, 'end');
    this.entry = entry;
    this.deflate = deflate;
  }

  /** Adds to the open entry; resolves when the deflater can take more. */
  async write(data: string | Buffer): Promise<void> {
    const entry = this.entry!;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    entry.crc = crc32(bytes, entry.crc);
    entry.size += bytes.length;
    if (entry.size > LIMIT) throw new RangeError(`zip entry ${entry.name.toString()} passes 4 GiB`);
    if (!this.deflate!.write(bytes)) await once(this.deflate!, 'drain');
  }

  async end(): Promise<void> {
    const entry = this.entry!;
    this.deflate!.end();
    await this.flushed;
    if (this.offset > LIMIT) throw new RangeError('the zip archive passes 4 GiB');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.emit(descriptor);
    this.entries.push(entry);
    this.entry = null;
    this.deflate = null;
  }

  /** A whole entry at once (the package's small parts). */
  async add(name: string, data: string): Promise<void> {
    await this.begin(name);
    await this.write(data);
    await this.end();
  }

  /** Writes the central directory and ends the stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.date, 14);
      header.writeUInt32LE(entry.crc >>> 0, 16);
      header.writeUInt32LE(entry.compressed, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      await this.emit(Buffer.concat([header, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
    await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  private async emit(bytes: Buffer): Promise<void> {
    if (this.offset + bytes.length > LIMIT) throw new RangeError('the zip archive passes 4 GiB');
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }
}
