import { withLength } from './growable.js';

/**
 * Special-group masks of the few members who carry tags, as two parallel
 * typed arrays sorted by member key: 8 bytes per tagged member, a binary
 * search for one member, and a plain forward walk for the recount, which
 * visits households in key order. Tags are roster facts that are only added,
 * almost always for the newest household, so insertion is nearly always an
 * append.
 */
export class TagList {
  keys: Int32Array = new Int32Array(0);
  masks: Uint32Array = new Uint32Array(0);
  length = 0;

  get byteLength(): number {
    return this.keys.byteLength + this.masks.byteLength;
  }

  /** The position of the first key ≥ `key`. */
  lowerBound(key: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The member's mask, 0 when it has no tags. */
  get(key: number): number {
    const at = this.lowerBound(key);
    return at < this.length && this.keys[at] === key ? this.masks[at]! : 0;
  }

  /** Sets a member's mask; 0 removes the member from the list. */
  set(key: number, mask: number): void {
    if (mask === 0) {
      const found = this.lowerBound(key);
      if (found < this.length && this.keys[found] === key) {
        this.keys.copyWithin(found, found + 1, this.length);
        this.masks.copyWithin(found, found + 1, this.length);
        this.length--;
      }
      return;
    }
    const at = this.length > 0 && this.keys[this.length - 1]! < key ? this.length : this.lowerBound(key);
    if (at < this.length && this.keys[at] === key) {
      this.masks[at] = mask;
      return;
    }
    this.keys = withLength(this.keys, this.length + 1);
    this.masks = withLength(this.masks, this.length + 1);
    this.keys.copyWithin(at + 1, at, this.length);
    this.masks.copyWithin(at + 1, at, this.length);
    this.keys[at] = key;
    this.masks[at] = mask;
    this.length++;
  }

  /** Sizes the arrays for `count` entries up front, as a bulk load knows how many there will be. */
  reserve(count: number): void {
    if (count <= this.keys.length) return;
    const keys = new Int32Array(count);
    const masks = new Uint32Array(count);
    keys.set(this.keys.subarray(0, this.length));
    masks.set(this.masks.subarray(0, this.length));
    this.keys = keys;
    this.masks = masks;
  }
}
