import type { Round } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { roundFromRow } from './row-mapping.js';

export class RoundRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(round: Round): Promise<void> {
    await this.db
      .insertInto('rounds')
      .values({
        id: round.id,
        name: round.name,
        template_id: round.templateId,
        template_version: round.templateVersion,
        rules_id: round.rulesId,
        rules_version: round.rulesVersion,
        area_id: round.areaId,
        starts_at: round.startsAt,
      })
      .execute();
  }

  /** Replaces a round's name, template or rules (the caller checks that no event was counted under the old ones). */
  async update(round: Round): Promise<void> {
    await this.db
      .updateTable('rounds')
      .set({ name: round.name, template_id: round.templateId, template_version: round.templateVersion, rules_id: round.rulesId, rules_version: round.rulesVersion })
      .where('id', '=', round.id)
      .execute();
  }

  async all(): Promise<Round[]> {
    return (await this.db.selectFrom('rounds').selectAll().orderBy('starts_at').orderBy('id').execute()).map(roundFromRow);
  }

  async byId(id: string): Promise<Round | undefined> {
    const row = await this.db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
    return row && roundFromRow(row);
  }
}
