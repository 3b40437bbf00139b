import { createHash } from 'node:crypto';

/** A stable id for what an import creates without one: the same file always makes the same ids. */
export function importedId(prefix: string, ...parts: readonly (string | number)[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20)}`;
}
