import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** What can be archived: a round, or an area of the territory. */
export type ArchiveKind = 'round' | 'area';

/** A round's or an area's archive mark: when it was archived, or null when it was brought back. */
export interface ArchiveMark {
  readonly kind: ArchiveKind;
  readonly id: string;
  readonly archivedAt: number | null;
}

const TABLE = { round: 'rounds', area: 'areas' } as const;

/** The archive marks of rounds and areas, in their own tables' `archived_at` columns. */
export class ArchiveRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async mark(mark: ArchiveMark): Promise<void> {
    await this.db.updateTable(TABLE[mark.kind]).set({ archived_at: mark.archivedAt }).where('id', '=', mark.id).execute();
  }

  /** Every round and area archived now, read once at start. */
  async archived(): Promise<ArchiveMark[]> {
    const marks: ArchiveMark[] = [];
    for (const kind of ['round', 'area'] as const) {
      const rows = await this.db.selectFrom(TABLE[kind]).select(['id', 'archived_at']).where('archived_at', 'is not', null).execute();
      for (const row of rows) marks.push({ kind, id: row.id, archivedAt: Number(row.archived_at) });
    }
    return marks;
  }
}
