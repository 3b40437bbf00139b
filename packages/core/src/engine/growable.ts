type DenseArray = Int32Array | Uint32Array | Uint8Array;

/**
 * The same array when it already holds `length` items, else a copy with room to
 * spare: growing by half again keeps appends amortised O(1) without doubling
 * the memory of a city-sized array.
 */
export function withLength<T extends DenseArray>(array: T, length: number): T {
  if (length <= array.length) return array;
  const Kind = array.constructor as new (length: number) => T;
  const grown = new Kind(Math.max(length, Math.ceil(array.length * 1.5) + 16));
  (grown as Uint8Array).set(array);
  return grown;
}
