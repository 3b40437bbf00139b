import { SAFE_TEXT_PATTERN, textProblem } from '@gridsweep/core';
import Type, { type TString } from 'typebox';

// The rule is core's (no NUL, no unpaired UTF-16 surrogate, no bidirectional
// control), so the core's validators, HTTP and the socket refuse the same
// strings. Its pattern reads the same with and without the `u` flag that Ajv
// and TypeBox compile patterns with.
export { SAFE_TEXT_PATTERN };

export const SAFE_TEXT_REASON = 'must not contain NUL, unpaired UTF-16 surrogates or bidirectional control characters (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)';

/** Whether a string keeps the free-text rule: for text that reaches the server outside a schema. */
export function isSafeText(value: string): boolean {
  return textProblem(value) === null;
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
