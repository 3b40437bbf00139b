/**
 * Thrown when the program's own state is wrong (not when input is bad): the
 * message names what was expected and what was found.
 */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
  constructor(
    readonly what: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(`${what}: expected ${describe(expected)}, got ${describe(actual)}`);
  }
}

export function invariant(condition: boolean, what: string, expected: unknown, actual: unknown): asserts condition {
  if (!condition) throw new InvariantError(what, expected, actual);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
