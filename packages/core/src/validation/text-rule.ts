/**
 * Characters no text of gridsweep may hold: NUL (PostgreSQL refuses it in
 * text), halves of a surrogate pair without their other half (not Unicode; a
 * database or a JSON encoder may mangle or refuse them), and the
 * bidirectional controls that make a name read differently from how it is
 * stored (a right-to-left override on a wall).
 */
const UNSAFE = String.raw`[\u0000\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;

/** The same rule as a pattern for JSON Schema (ECMAScript flavour): text with no unsafe character. */
export const SAFE_TEXT_PATTERN = String.raw`^(?:(?!${UNSAFE})[\s\S])*$`;

const unsafe = new RegExp(UNSAFE);

/** Why a text may not be stored, or null when it may. */
export function textProblem(value: string): string | null {
  const match = unsafe.exec(value);
  if (match === null) return null;
  const code = match[0].charCodeAt(0);
  if (code === 0) return 'must not contain NUL characters';
  if (code >= 0xd800 && code <= 0xdfff) return 'must not contain unpaired surrogate halves';
  return 'must not contain bidirectional control characters';
}
