import type { Round } from '@gridsweep/core';
import { ApiError } from './errors/api-error.js';
import type { ArchiveKind, ArchiveMark, ArchiveRepository } from './repositories/archive-repository.js';
import type { Roster } from './roster.js';

/** A round's or an area's mark after a change, as the API answers it. */
export interface ArchiveState {
  readonly id: string;
  readonly archivedAt: number | null;
}

/** How many names a refusal lists before it says "and N more". */
const NAMED_AT_MOST = 20;

function named(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMED_AT_MOST).join(', ');
  return ids.length > NAMED_AT_MOST ? `${shown} and ${ids.length - NAMED_AT_MOST} more` : shown;
}

/**
 * The rules of archiving (docs/decisions/0047). An archived area never has a
 * sub-area or a round in use below it: archiving is refused until they are
 * archived (leaves first), and unarchiving until the area above is back (top
 * first). So "archived" never needs to be inherited: every list can leave out
 * exactly the areas marked. Archiving twice, or unarchiving what is in use,
 * changes nothing.
 */
export class Archivist {
  constructor(
    private readonly roster: Roster,
    private readonly repository: ArchiveRepository,
  ) {}

  async archiveRound(round: Round): Promise<ArchiveState> {
    return this.mark('round', round.id, true);
  }

  async unarchiveRound(round: Round): Promise<ArchiveState> {
    if (this.roster.archive.isRoundArchived(round.id)) this.refuseArchivedArea(round.areaId, `the round's area ${round.areaId}`);
    return this.mark('round', round.id, false);
  }

  async archiveArea(areaId: string): Promise<ArchiveState> {
    const { archive, territory } = this.roster;
    if (!archive.isAreaArchived(areaId)) {
      const areas = territory.children(areaId).map((area) => area.id);
      const rounds = this.roster
        .allRounds()
        .filter((round) => round.areaId === areaId && !archive.isRoundArchived(round.id))
        .map((round) => round.id);
      if (areas.length > 0 || rounds.length > 0) {
        const parts = [areas.length > 0 ? `sub-areas ${named(areas)}` : '', rounds.length > 0 ? `rounds ${named(rounds)}` : ''].filter(Boolean);
        throw new ApiError(
          'AREA_NOT_EMPTY',
          { issues: [...areas.map((id) => ({ field: 'areaId', reason: `sub-area ${id} is not archived` })), ...rounds.map((id) => ({ field: 'areaId', reason: `round ${id} is not archived` }))] },
          `The area ${areaId} still holds ${parts.join(' and ')}, not archived: archive them first.`,
        );
      }
    }
    return this.mark('area', areaId, true);
  }

  async unarchiveArea(areaId: string): Promise<ArchiveState> {
    const parentId = this.roster.territory.area(areaId)?.parentId ?? null;
    if (parentId !== null && this.roster.archive.isAreaArchived(areaId)) this.refuseArchivedArea(parentId, `the area above it, ${parentId},`);
    return this.mark('area', areaId, false);
  }

  private refuseArchivedArea(areaId: string, what: string): void {
    if (this.roster.archive.isAreaArchived(areaId)) throw new ApiError('AREA_ARCHIVED', {}, `${what} is archived: unarchive it first.`);
  }

  /** Writes the mark, then mirrors and passes it on; a mark already in place is answered as it is. */
  private async mark(kind: ArchiveKind, id: string, archived: boolean): Promise<ArchiveState> {
    const { archive } = this.roster;
    const current = (kind === 'round' ? archive.roundArchivedAt(id) : archive.areaArchivedAt(id)) ?? null;
    if ((current !== null) === archived) return { id, archivedAt: current };
    const mark: ArchiveMark = { kind, id, archivedAt: archived ? Date.now() : null };
    await this.repository.mark(mark);
    this.roster.applyArchive(mark);
    return { id, archivedAt: mark.archivedAt };
  }
}
