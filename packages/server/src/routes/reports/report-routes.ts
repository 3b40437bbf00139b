import { PassThrough } from 'node:stream';
import { exportDailyReport, exportLedger } from '@gridsweep/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { contentDisposition } from '../../reports/download-name.js';
import { dailyReportFile, ledgerFile, type ExportFile } from '../../reports/export-files.js';
import { alarmingOptions } from '../../reports/ledgers.js';
import { served, typed } from '../typed.js';

/** The audit hooks read the request before the handler's types reach it. */
interface LedgerParams {
  readonly roundId: string;
  readonly areaId: string;
  readonly ledger: string;
}

/**
 * Sends a file as it is written: the headers leave first, the rows follow as
 * the writer commits them, so a district's report never sits whole in memory.
 * A failure after the headers can only cut the stream, which the client sees
 * as a broken download.
 */
function stream(request: FastifyRequest, reply: FastifyReply, file: ExportFile): FastifyReply {
  const body = new PassThrough();
  file.write(body).catch((error: unknown) => {
    request.log.error({ err: error }, 'export: the file could not be written');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, file.asciiName))
    .header('cache-control', 'private, no-store')
    .send(body);
}

export async function reportRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, counting } = fastify;
  const { policy } = fastify.access;
  const api = typed(fastify);

  function target(roundId: string, areaId: string) {
    const round = roster.round(roundId);
    if (!round) throw new ApiError('ROUND_NOT_FOUND');
    const area = roster.territory.area(areaId);
    if (!area) throw new ApiError('AREA_NOT_FOUND');
    return { round, area, campaign: roster.campaignOf(round), at: Date.now() };
  }

  api.route({
    ...served(exportDailyReport),
    config: { access: { permission: 'counts.read' } },
    handler: async (request, reply) => {
      const { roundId, areaId } = request.params;
      const file = dailyReportFile(
        { ...target(roundId, areaId), format: request.query.format ?? 'xlsx' },
        { territory: roster.territory, counts: (round, area) => counting.counts(round, area) },
      );
      return stream(request, reply, file);
    },
  });

  api.route({
    ...served(exportLedger),
    config: {
      // Counts-only roles (commander, wall) have no households.read: they get no ledger.
      access: { permission: 'households.read' },
      audit: {
        action: 'ledger.export',
        target: (request) => {
          const { roundId, areaId, ledger } = request.params as LedgerParams;
          return `ledger:${roundId}/${areaId}/${ledger}`;
        },
        reason: (request) => {
          const body = request.body as { reveal?: boolean; reason?: string };
          return body.reveal ? (body.reason ?? null) : null;
        },
      },
    },
    handler: async (request, reply) => {
      const { roundId, areaId, ledger } = request.params;
      const { format = 'xlsx', reveal = false, reason } = request.body;
      const where = target(roundId, areaId);
      if (reveal && !policy.can(request.principal!, 'personal.reveal')) throw new ApiError('FORBIDDEN', {}, 'Your role may not reveal names and phones; ask for the ledger without reveal.');
      if (reveal && reason === undefined) throw new ApiError('VALIDATION_FAILED', { issues: [{ field: 'reason', reason: 'is required to reveal names and phones' }] });
      if (ledger === 'markers' && alarmingOptions(where.campaign.template).length === 0) {
        throw new ApiError('VALIDATION_FAILED', { issues: [{ field: 'ledger', reason: "the round's template has no marker option that warns or alerts" }] });
      }
      request.auditDetail = { ledger, format, revealed: reveal };
      const file = ledgerFile(
        { ...where, format, kind: ledger, reveal },
        {
          db: fastify.storage.db,
          territory: roster.territory,
          householdValues: (round, household) => counting.householdValues(round, household),
          memberValues: (round, member) => counting.memberValues(round, member),
        },
      );
      return stream(request, reply, file);
    },
  });
}
