import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ImportActor, ImportReportBase } from './import-report.js';

/** The audit entry of a committed import, written in its transaction: who, which file, what it counted. */
export async function writeImportAudit(
  db: Kysely<Database>,
  actor: ImportActor,
  action: string,
  target: string,
  report: ImportReportBase,
): Promise<void> {
  // The audit keeps the counts, not the problems or lists, which can be long and name people.
  const counts = Object.fromEntries(Object.entries(report).filter(([key]) => key !== 'problems' && key !== 'missingHouseholds'));
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor.id,
      actor_role: actor.role,
      action,
      target,
      reason: null,
      source: actor.source ?? null,
      detail: JSON.stringify(counts),
    })
    .execute();
}
