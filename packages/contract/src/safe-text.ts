import Type, { type TString } from 'typebox';

/**
 * What no free text may hold: NUL (PostgreSQL refuses it in text, and it cuts
 * strings short in C libraries), a UTF-16 surrogate that is not half of a pair
 * (not a character; it cannot be stored or encoded as UTF-8), and the
 * bidirectional controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that
 * make a name or a reason read differently on screen from what it is.
 *
 * Validators read patterns with the `u` flag (Ajv and TypeBox both do), so a
 * surrogate pair is one character outside the class and only a lone half matches it.
 */
export const SAFE_TEXT_PATTERN = '^[^\\u0000\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF]*$';

export const SAFE_TEXT_REASON = 'must not contain NUL, unpaired UTF-16 surrogates or bidirectional control characters (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)';

const safeText = new RegExp(SAFE_TEXT_PATTERN, 'u');

/** Whether a string keeps the free-text rule: for text that reaches the server outside a schema. */
export function isSafeText(value: string): boolean {
  return safeText.test(value);
}

export interface SafeTextOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly description?: string;
}

/** The schema of every free-text input: a string under the rule above, with its own length bounds. */
export function SafeText(options: SafeTextOptions = {}): TString {
  return Type.String({ ...options, pattern: SAFE_TEXT_PATTERN });
}
