import { ID_PATTERN, levelIndex, type Area, type Levels } from '@gridsweep/core';
import type { AreaCandidate } from './area-candidate.js';
import { outlineEscape } from '../territory-outline.js';
import { contains, outlineProblem, pointInside } from './area-shapes.js';
import type { ImportCounts } from './import-report.js';
import type { ProblemList } from './import-problem.js';

export interface AreaPlanOptions {
  readonly levels: Levels;
  /** The level of areas whose file does not say. */
  readonly level?: string;
  /** The parent of the file's top areas when the file does not name one. */
  readonly parentId?: string;
  /** How much of a child may stick out of its parent, as a share of its area: outlines from different sources never match exactly. */
  readonly tolerance: number;
}

export interface AreaPlan {
  readonly add: readonly Area[];
  readonly change: readonly Area[];
  readonly counts: ImportCounts;
}

function sameArea(a: Area, b: Area): boolean {
  return a.name === b.name && JSON.stringify(a.geometry ?? null) === JSON.stringify(b.geometry ?? null);
}

/**
 * Settles each candidate's level and parent, checks it, and sorts the file
 * into areas to add (parents first), to change (name or outline) and to
 * leave. The parent is the one the file names (by id or code, in the file or
 * stored), else the option's, else the area of the level above that holds a
 * point of the candidate's outline.
 */
export function planAreas(candidates: readonly AreaCandidate[], stored: ReadonlyMap<string, Area>, options: AreaPlanOptions, problems: ProblemList): AreaPlan {
  const { levels } = options;
  const levelOf = (text: string): string | undefined => levels.find((l) => l.id === text || l.name.zh === text || l.name.en.toLowerCase() === text.toLowerCase())?.id;
  const placed = new Map<string, Area>(stored);
  const seen = new Set<string>();
  const add: Area[] = [];
  const change: Area[] = [];
  const counts = { add: 0, change: 0, leave: 0 };
  const fail = (candidate: AreaCandidate, column: keyof AreaCandidate['columns'] | 'geometry', value: string, reason: string): void =>
    problems.add({ row: candidate.row, column: column === 'geometry' ? 'geometry' : candidate.columns[column], value, reason });

  const checked = candidates.filter((candidate) => {
    const before = problems.count;
    if (!ID_PATTERN.test(candidate.id)) fail(candidate, 'id', candidate.id, 'must be an id or code of letters, digits, . _ : -, at most 64');
    else if (seen.has(candidate.id)) fail(candidate, 'id', candidate.id, 'appears twice in the file');
    seen.add(candidate.id);
    if (candidate.name === '') fail(candidate, 'name', '', 'the name is empty');
    if (candidate.level !== '' && !levelOf(candidate.level)) fail(candidate, 'level', candidate.level, `must be one of ${levels.map((l) => `${l.id} (${l.name.zh})`).join(', ')}`);
    if (candidate.geometry) {
      const problem = outlineProblem(candidate.geometry);
      if (problem) fail(candidate, 'geometry', candidate.geometry.type, problem);
    }
    return problems.count === before;
  });

  // Parents before children: a level the file states orders it; a named parent is waited for.
  let pending = [...checked].sort((a, b) => rank(a) - rank(b));
  function rank(candidate: AreaCandidate): number {
    const level = levelOf(candidate.level) ?? options.level;
    return level === undefined ? levels.length : levelIndex(levels, level);
  }
  while (pending.length > 0) {
    const waiting: AreaCandidate[] = [];
    for (const candidate of pending) {
      const parentRef = candidate.parent !== '' ? candidate.parent : undefined;
      if (parentRef !== undefined && !placed.has(parentRef) && checked.some((c) => c.id === parentRef) && !placed.has(candidate.id)) {
        waiting.push(candidate);
        continue;
      }
      const area = settle(candidate);
      if (!area) continue;
      placed.set(area.id, area);
      const known = stored.get(area.id);
      if (!known) {
        counts.add++;
        add.push(area);
      } else if (known.parentId !== area.parentId || known.level !== area.level) {
        fail(candidate, 'parent', candidate.parent, `area ${area.id} is stored under ${known.parentId ?? 'no parent'} as a ${known.level}; an import does not move areas`);
      } else if (sameArea(known, area)) counts.leave++;
      else {
        counts.change++;
        change.push(area);
      }
    }
    if (waiting.length === pending.length) {
      for (const candidate of waiting) fail(candidate, 'parent', candidate.parent, 'its parent in the file could not be placed');
      break;
    }
    pending = waiting;
  }
  checkStoredChildren();
  return { add, change, counts };

  /** A new outline must still hold the stored areas drawn inside it that the file leaves as they are. */
  function checkStoredChildren(): void {
    const redrawn = new Map(change.filter((area) => area.geometry).map((area) => [area.id, area]));
    if (redrawn.size === 0) return;
    const rowOf = new Map(checked.map((candidate) => [candidate.id, candidate]));
    for (const child of stored.values()) {
      if (seen.has(child.id) || !child.geometry) continue;
      const escape = outlineEscape(child, (id) => placed.get(id), options.tolerance);
      const parent = escape && redrawn.get(escape.enclosing.id);
      if (!parent) continue;
      const candidate = rowOf.get(parent.id)!;
      fail(candidate, 'geometry', parent.geometry!.type, `feature ${parent.id} (${parent.name}): its new outline leaves ${(escape.outside * 100).toFixed(1)}% of the stored area ${child.name} (${child.id}) outside it`);
    }
  }

  function settle(candidate: AreaCandidate): Area | undefined {
    let level = levelOf(candidate.level) ?? options.level;
    let parentId: string | null;
    if (candidate.parent !== '') {
      const parent = placed.get(candidate.parent);
      if (!parent) return void fail(candidate, 'parent', candidate.parent, `no area has id ${candidate.parent}, in the file or stored`);
      parentId = parent.id;
    } else if (level === levels[0]!.id) parentId = null;
    else {
      const found = findParent(candidate, level);
      if (typeof found !== 'string') return void fail(candidate, 'parent', '', found.reason);
      parentId = found;
    }
    const parent = parentId === null ? undefined : placed.get(parentId)!;
    const expected = parent ? levels[levelIndex(levels, parent.level) + 1]?.id : levels[0]!.id;
    if (expected === undefined) return void fail(candidate, 'parent', parentId ?? '', `area ${parentId} is a ${parent!.level}, which has no child areas`);
    level ??= expected;
    if (level !== expected) return void fail(candidate, 'level', candidate.level || level, `must be ${expected} under ${parent ? `${parent.name} (a ${parent.level})` : 'no parent'}`);
    const area: Area = { id: candidate.id, parentId, level, name: candidate.name, geometry: candidate.geometry };
    const escape = outlineEscape(area, (id) => placed.get(id), options.tolerance);
    if (escape) {
      const share = (n: number): string => `${(n * 100).toFixed(1)}%`;
      const reason = `feature ${candidate.id} (${candidate.name}): ${share(escape.outside)} of its outline lies outside that of ${escape.enclosing.name} (${escape.enclosing.id}); at most ${share(options.tolerance)} may`;
      return void fail(candidate, 'geometry', candidate.geometry!.type, reason);
    }
    return area;
  }

  /** The option's parent when it is one level up, else the area of the level above holding a point of the outline. */
  function findParent(candidate: AreaCandidate, level: string | undefined): string | { reason: string } {
    const option = options.parentId === undefined ? undefined : placed.get(options.parentId);
    if (options.parentId !== undefined && !option) return { reason: `the --parent area ${options.parentId} does not exist` };
    if (option && (level === undefined || levels[levelIndex(levels, option.level) + 1]?.id === level)) return option.id;
    if (level === undefined) return { reason: 'no level and no parent: give the file a level property or column, or name --level or --parent' };
    if (!candidate.geometry) return { reason: `no parent named and no outline to find one by: give the parent's id or code` };
    const parentLevel = levels[levelIndex(levels, level) - 1]!.id;
    const point = pointInside(candidate.geometry);
    const holders = [...placed.values()].filter((area) => area.level === parentLevel && area.geometry && contains(area.geometry, point));
    if (holders.length === 0) return { reason: `no ${parentLevel} holds this outline; name its parent` };
    if (holders.length > 1) return { reason: `${holders.length} ${parentLevel} areas hold this outline (${holders.map((h) => h.id).join(', ')}); name its parent` };
    return holders[0]!.id;
  }
}
