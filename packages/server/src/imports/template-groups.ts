import { BUILT_IN_TEMPLATES, type CampaignTemplate, type SpecialGroup } from '@gridsweep/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The special groups a roster cell may name: every group of every template, the built-in ones and those stored. */
export function groupsOf(templates: Iterable<CampaignTemplate>): SpecialGroup[] {
  const groups = new Map<string, SpecialGroup>();
  for (const template of templates) for (const group of template.specialGroups) if (!groups.has(group.id)) groups.set(group.id, group);
  return [...groups.values()];
}

export async function storedSpecialGroups(db: Kysely<Database>): Promise<SpecialGroup[]> {
  const rows = await db.selectFrom('campaign_templates').select('document').orderBy('id').orderBy('version', 'desc').execute();
  return groupsOf([...BUILT_IN_TEMPLATES, ...rows.map((row) => row.document as CampaignTemplate)]);
}
