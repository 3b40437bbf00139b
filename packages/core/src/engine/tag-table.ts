const EMPTY = -1;

/**
 * Special-group masks by member key, for the few members who carry tags: an
 * open-addressing hash table in two typed arrays, so a city's worth costs a
 * few bytes per tagged member instead of a byte for every member or a Map
 * entry on the heap. Tags are roster facts that are only ever added.
 */
export class TagTable {
  private keys = new Int32Array(16).fill(EMPTY);
  private masks = new Uint32Array(16);
  private entries = 0;

  get size(): number {
    return this.entries;
  }

  get byteLength(): number {
    return this.keys.byteLength + this.masks.byteLength;
  }

  /** The member's mask, 0 when it has no tags. */
  get(key: number): number {
    const keys = this.keys;
    const last = keys.length - 1;
    for (let i = slotOf(key, last); ; i = (i + 1) & last) {
      const found = keys[i]!;
      if (found === key) return this.masks[i]!;
      if (found === EMPTY) return 0;
    }
  }

  set(key: number, mask: number): void {
    if (mask === 0) return;
    if ((this.entries + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    const keys = this.keys;
    const last = keys.length - 1;
    let i = slotOf(key, last);
    while (keys[i] !== EMPTY && keys[i] !== key) i = (i + 1) & last;
    if (keys[i] === EMPTY) this.entries++;
    keys[i] = key;
    this.masks[i] = mask;
  }

  /** Sizes the table for `count` entries up front, as a bulk load knows how many there will be. */
  reserve(count: number): void {
    let capacity = this.keys.length;
    while (capacity < count * 2) capacity *= 2;
    if (capacity !== this.keys.length) this.rehash(capacity);
  }

  private rehash(capacity: number): void {
    const oldKeys = this.keys;
    const oldMasks = this.masks;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.masks = new Uint32Array(capacity);
    this.entries = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.set(oldKeys[i]!, oldMasks[i]!);
  }
}

function slotOf(key: number, last: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 7) & last;
}
