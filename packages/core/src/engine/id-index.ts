import { invariant } from '../validation/invariant.js';

// Globals in Node, browsers and workers alike; the core compiles without the DOM library, so it declares the little it uses.
declare const TextEncoder: new () => { encodeInto(source: string, destination: Uint8Array): { written: number } };
declare const TextDecoder: new () => { decode(input: Uint8Array): string };

const EMPTY = -1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * String ids to dense numbers in a few typed arrays instead of a Map: the
 * ids' bytes back to back, where each starts, and an open-addressing table of
 * entry numbers. About the id's length plus 12 bytes an entry, where a Map of
 * strings costs some 80; a city has millions of household and member ids.
 * Entries are numbered in the order they are added; `dense` indexes map each
 * id to its entry number, others keep a value per entry.
 */
export class IdIndex {
  private bytes = new Uint8Array(1024);
  private byteLength = 0;
  private starts = new Uint32Array(65);
  private values: Int32Array | null;
  private table = new Int32Array(128).fill(EMPTY);
  private scratch = new Uint8Array(256);
  size = 0;

  constructor(dense = false) {
    this.values = dense ? null : new Int32Array(64);
  }

  get(id: string): number | undefined {
    const length = this.encode(id);
    const mask = this.table.length - 1;
    for (let slot = hash(this.scratch, length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === EMPTY) return undefined;
      if (this.matches(entry, length)) return this.values === null ? entry : this.values[entry]!;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Adds an id that is not yet in the index; returns its entry number. */
  add(id: string, value?: number): number {
    const length = this.encode(id);
    if ((this.size + 1) * 2 > this.table.length) this.rehash(this.table.length * 2);
    const mask = this.table.length - 1;
    let slot = hash(this.scratch, length) & mask;
    for (; this.table[slot] !== EMPTY; slot = (slot + 1) & mask) {
      invariant(!this.matches(this.table[slot]!, length), 'id to index', 'an unused id', id);
    }
    const entry = this.size++;
    this.ensureBytes(this.byteLength + length);
    this.bytes.set(this.scratch.subarray(0, length), this.byteLength);
    this.byteLength += length;
    if (this.starts.length < this.size + 1) this.starts = grow(this.starts, this.size + 1);
    this.starts[entry + 1] = this.byteLength;
    if (this.values !== null) {
      if (this.values.length < this.size) this.values = grow(this.values, this.size);
      this.values[entry] = value ?? entry;
    }
    this.table[slot] = entry;
    return entry;
  }

  /** The id of an entry, by its number. */
  idAt(entry: number): string {
    return decoder.decode(this.bytes.subarray(this.starts[entry], this.starts[entry + 1]));
  }

  /** Sizes the arrays for `count` more entries of about `meanLength` bytes, as a bulk load knows. */
  reserve(count: number, meanLength = 16): void {
    const entries = this.size + count;
    if (this.starts.length < entries + 1) this.starts = grow(this.starts, entries + 1, true);
    if (this.values !== null && this.values.length < entries) this.values = grow(this.values, entries, true);
    this.ensureBytes(this.byteLength + count * meanLength, true);
    let tableSize = this.table.length;
    while (entries * 2 > tableSize) tableSize *= 2;
    if (tableSize !== this.table.length) this.rehash(tableSize);
  }

  get memoryBytes(): number {
    return this.bytes.byteLength + this.starts.byteLength + this.table.byteLength + (this.values?.byteLength ?? 0);
  }

  private encode(id: string): number {
    const length = id.length;
    if (this.scratch.length < length * 3) this.scratch = new Uint8Array(length * 3);
    for (let i = 0; i < length; i++) {
      const code = id.charCodeAt(i);
      if (code > 127) return encoder.encodeInto(id, this.scratch).written;
      this.scratch[i] = code;
    }
    return length;
  }

  private matches(entry: number, length: number): boolean {
    const start = this.starts[entry]!;
    if (this.starts[entry + 1]! - start !== length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private ensureBytes(length: number, exact = false): void {
    if (this.bytes.length >= length) return;
    const next = new Uint8Array(exact ? length : Math.max(length, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.byteLength));
    this.bytes = next;
  }

  private rehash(size: number): void {
    const table = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = hashRange(this.bytes, this.starts[entry]!, this.starts[entry + 1]!) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
    this.table = table;
  }
}

function hash(bytes: Uint8Array, length: number): number {
  return hashRange(bytes, 0, length);
}

/** FNV-1a, then a final mix so that ids differing in their last digits spread over the table. */
function hashRange(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

function grow<T extends Uint32Array | Int32Array>(array: T, length: number, exact = false): T {
  const next = new (array.constructor as new (n: number) => T)(exact ? length : Math.max(length, array.length * 2));
  next.set(array);
  return next;
}
