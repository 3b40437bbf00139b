import { FieldReader } from '../validation/field-reader.js';
import { ID_RULE } from '../validation/ids.js';
import { invalid, valid, type ValidationIssue, type Validated } from '../validation/validated.js';
import type { Levels, LevelSpec } from './levels.js';

/**
 * Checks the territory's levels, root first. When areas already exist,
 * `inUse` is the current list of level ids: it must stay exactly (names may
 * change), so no stored area changes its place and buildings stay on the
 * deepest level.
 */
export function validateLevels(input: unknown, inUse: readonly string[] = []): Validated<Levels> {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(input) || input.length === 0 || input.length > 12) {
    return invalid([{ field: 'levels', reason: 'must be a list of 1 to 12 levels, root first' }]);
  }
  const levels: LevelSpec[] = [];
  input.forEach((item, i) => {
    const r = new FieldReader(item, `levels.${i}`, ['id', 'name']);
    const id = r.string('id', ID_RULE);
    const n = new FieldReader(r.raw('name'), `levels.${i}.name`, ['zh', 'en']);
    const zh = n.string('zh', { maxLength: 40 });
    const en = n.string('en', { maxLength: 40 });
    issues.push(...r.issues, ...n.issues);
    if (r.ok && n.ok) levels.push({ id: id!, name: { zh: zh!, en: en! } });
  });
  const seen = new Set<string>();
  levels.forEach((level, i) => {
    if (seen.has(level.id)) issues.push({ field: `levels.${i}.id`, reason: `repeats ${level.id}` });
    seen.add(level.id);
  });
  inUse.forEach((id, depth) => {
    if (levels[depth]?.id !== id) issues.push({ field: `levels.${depth}.id`, reason: `must stay ${id}: stored areas use it at this depth` });
  });
  if (inUse.length > 0 && input.length > inUse.length) issues.push({ field: `levels.${inUse.length}`, reason: 'cannot be added while areas exist: only names may change' });
  return issues.length > 0 ? invalid(issues) : valid(levels);
}
