import type { ArchiveMark } from './repositories/archive-repository.js';

/**
 * Which rounds and areas are archived, as this process holds it beside the
 * database: every list, wall and event check asks here, so it must not cost
 * a query. Archived ones stay in the roster (their households still count in
 * the areas above them); they are only left out of what is shown and refused
 * new work.
 */
export class ArchiveMarks {
  private readonly rounds = new Map<string, number>();
  private readonly areas = new Map<string, number>();

  set(mark: ArchiveMark): void {
    const marks = mark.kind === 'round' ? this.rounds : this.areas;
    if (mark.archivedAt === null) marks.delete(mark.id);
    else marks.set(mark.id, mark.archivedAt);
  }

  /** When the round was archived; undefined while it is in use. */
  roundArchivedAt(roundId: string): number | undefined {
    return this.rounds.get(roundId);
  }

  /** When the area was archived; undefined while it is in use. */
  areaArchivedAt(areaId: string): number | undefined {
    return this.areas.get(areaId);
  }

  isRoundArchived(roundId: string): boolean {
    return this.rounds.has(roundId);
  }

  isAreaArchived(areaId: string): boolean {
    return this.areas.has(areaId);
  }
}
