import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../access/principal.js';
import { ApiError } from '../../errors/api-error.js';
import { importAreas, type AreasImportReport } from '../../imports/areas-import.js';
import { importBuildings, type BuildingsImportReport } from '../../imports/buildings-import.js';
import type { RosterImportReport } from '../../imports/import-report.js';
import { importRoster } from '../../imports/roster-import.js';
import { groupsOf } from '../../imports/template-groups.js';
import type { Upload } from '../../imports/upload-store.js';

/**
 * Runs an upload as a preview or a commit for a caller, inside their scope:
 * a roster's area, the parents of a file's top areas and the micro-grids of
 * its buildings must all be theirs. A commit is mirrored into this process's
 * roster and passed on to the others.
 */
export async function runImport(
  fastify: FastifyInstance,
  principal: Principal,
  upload: Upload,
  run: { dryRun: boolean; mapping?: Record<string, string>; source: string },
): Promise<RosterImportReport | AreasImportReport | BuildingsImportReport> {
  const { db } = fastify.storage;
  const { policy } = fastify.access;
  const actor = { id: principal.id, role: principal.role, source: run.source };
  const common = { path: upload.path, fileName: upload.fileName, dryRun: run.dryRun, actor, correction: run.mapping };
  const covers = (areaId: string | null): boolean => (areaId === null ? principal.scope.kind === 'everything' : policy.coversArea(principal, areaId));
  const authorize = (areaIds: ReadonlySet<string | null>): void => {
    for (const id of areaIds) if (!covers(id)) throw new ApiError('OUT_OF_SCOPE', {}, `Area ${id ?? '(the top)'} lies outside the part of the territory your account covers.`);
  };
  try {
    if (upload.kind === 'roster') {
      const areaId = upload.areaId!;
      if (fastify.roster.territory.area(areaId) === undefined) throw new ApiError('AREA_NOT_FOUND');
      authorize(new Set([areaId]));
      const groups = groupsOf(fastify.campaigns.allTemplates());
      const { report, written } = await importRoster(db, { ...common, areaId, groups, keepRecords: true });
      if (written) {
        fastify.roster.applyImport(
          { households: written.households, members: written.members },
          { members: written.memberChanges, households: written.householdChanges },
        );
      }
      return report;
    }
    if (upload.kind === 'areas') {
      const { report, added } = await importAreas(db, { ...common, crs: upload.crs, level: upload.level, parentId: upload.parentId, authorize });
      if (added.length > 0) fastify.roster.applyImport({ areas: added });
      return report;
    }
    const { report, added } = await importBuildings(db, { ...common, crs: upload.crs, authorize });
    if (added.length > 0) fastify.roster.applyImport({ buildings: added });
    return report;
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('VALIDATION_FAILED', { issues: [{ field: 'level', reason: error.message }] });
    throw error;
  }
}
