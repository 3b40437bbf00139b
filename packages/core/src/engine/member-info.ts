import { INFO_UNKNOWN } from './contributions.js';

/** A member's info byte for a birth year: year − 1900 for 1901-2154, else unknown. */
export function birthInfo(birthYear: number | null | undefined): number {
  if (birthYear === null || birthYear === undefined) return INFO_UNKNOWN;
  const code = birthYear - 1900;
  return code >= 1 && code <= 254 ? code : INFO_UNKNOWN;
}
