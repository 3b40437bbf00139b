import type { CampaignTemplate, CountingRules, Levels } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Stored campaign templates, counting rules and territory levels, every version of each. */
export class CampaignRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async templates(): Promise<CampaignTemplate[]> {
    const rows = await this.db.selectFrom('campaign_templates').select('document').orderBy('id').orderBy('version').execute();
    return rows.map((row) => row.document as CampaignTemplate);
  }

  async rules(): Promise<CountingRules[]> {
    const rows = await this.db.selectFrom('counting_rules').select('document').orderBy('id').orderBy('version').execute();
    return rows.map((row) => row.document as CountingRules);
  }

  /** The latest levels, or undefined before any are stored. */
  async levels(): Promise<{ version: number; levels: Levels } | undefined> {
    const row = await this.db.selectFrom('territory_levels').select(['version', 'document']).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row && { version: row.version, levels: row.document as Levels };
  }

  /** Stores a template version; false when that id and version are stored already (nothing changes). */
  async insertTemplate(template: CampaignTemplate, createdBy: string | null): Promise<boolean> {
    const result = await this.db
      .insertInto('campaign_templates')
      .values({ id: template.id, version: template.version, document: JSON.stringify(template), created_by: createdBy })
      .onConflict((c) => c.columns(['id', 'version']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async insertRules(rules: CountingRules, createdBy: string | null): Promise<boolean> {
    const result = await this.db
      .insertInto('counting_rules')
      .values({ id: rules.id, version: rules.version, template_id: rules.templateId, document: JSON.stringify(rules), created_by: createdBy })
      .onConflict((c) => c.columns(['id', 'version']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async insertLevels(version: number, levels: Levels, createdBy: string | null): Promise<boolean> {
    const result = await this.db
      .insertInto('territory_levels')
      .values({ version, document: JSON.stringify(levels), created_by: createdBy })
      .onConflict((c) => c.column('version').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
}
