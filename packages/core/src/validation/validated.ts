/** One thing wrong with an input: which field (a dotted path) and why. */
export interface ValidationIssue {
  readonly field: string;
  readonly reason: string;
}

/**
 * The outcome of checking untrusted input. Bad input is an expected case, so it
 * is returned as a value rather than thrown.
 */
export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

export function valid<T>(value: T): Validated<T> {
  return { ok: true, value };
}

export function invalid<T>(issues: readonly ValidationIssue[]): Validated<T> {
  return { ok: false, issues };
}
