import { commitImport, getRosterTemplate, IMPORT_UPLOAD_TYPES, previewImport, uploadImport, XLSX_TYPE } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import type { Principal } from '../../access/principal.js';
import { ApiError } from '../../errors/api-error.js';
import { rosterTemplate } from '../../imports/roster-template.js';
import { groupsOf } from '../../imports/template-groups.js';
import { UploadStore, UploadTooLarge } from '../../imports/upload-store.js';
import { served, typed } from '../typed.js';
import { runImport } from './run-import.js';

/** 200 MiB: a 200 000-row roster XLSX is about a tenth of that. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export async function importRoutes(fastify: FastifyInstance): Promise<void> {
  const api = typed(fastify);
  const uploads = new UploadStore(MAX_UPLOAD_BYTES);
  fastify.addHook('onClose', async () => uploads.close());
  // The file's bytes reach the handler as a stream, written to disk as they arrive.
  fastify.addContentTypeParser([...IMPORT_UPLOAD_TYPES], (_request, payload, done) => done(null, payload));
  const write = { permission: 'territory.write' } as const;

  api.route({
    ...served(uploadImport),
    config: { access: write, audit: { action: 'import.upload', target: (request) => `file:${(request.query as { fileName: string }).fileName}` } },
    handler: async (request, reply) => {
      const body = request.body;
      if (!(body instanceof Readable)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', {}, `Send the file's bytes as one of ${IMPORT_UPLOAD_TYPES.join(', ')}.`);
      const { kind, fileName, areaId, parentId, level, crs } = request.query;
      if (kind === 'roster' && areaId === undefined) throw new ApiError('VALIDATION_FAILED', { issues: [{ field: 'areaId', reason: 'is required for a roster' }] });
      if (!/\.(csv|txt|xlsx|geojson|json|zip)$/i.test(fileName)) throw new ApiError('VALIDATION_FAILED', { issues: [{ field: 'fileName', reason: 'must end in .csv, .xlsx, .geojson, .json or .zip' }] });
      if (kind !== 'areas' && /\.zip$/i.test(fileName)) throw new ApiError('VALIDATION_FAILED', { issues: [{ field: 'fileName', reason: 'a zipped Shapefile imports areas only' }] });
      try {
        const upload = await uploads.store(request.principal!.id, { kind, fileName, areaId, parentId, level, crs }, body);
        request.auditDetail = { kind, bytes: upload.bytes };
        return reply.code(201).send({ importId: upload.id, kind, fileName, bytes: upload.bytes });
      } catch (error) {
        if (error instanceof UploadTooLarge) throw new ApiError('PAYLOAD_TOO_LARGE', {}, `Files up to ${MAX_UPLOAD_BYTES} bytes import over HTTP; use gridsweep import for larger ones.`);
        throw error;
      }
    },
  });

  async function run(principal: Principal, importId: string, dryRun: boolean, mapping: Record<string, string> | undefined, source: string) {
    const upload = uploads.get(principal.id, importId);
    if (!upload) throw new ApiError('IMPORT_NOT_FOUND');
    const report = await runImport(fastify, principal, upload, { dryRun, mapping, source });
    if (report.committed) uploads.remove(upload.id);
    return report;
  }

  api.route({ ...served(previewImport), config: { access: write, audit: { action: 'import.preview' } }, handler: async (request) => run(request.principal!, request.params.importId, true, request.body.mapping, request.ip) });
  api.route({ ...served(commitImport), config: { access: write, audit: { action: 'import.commit' } }, handler: async (request) => run(request.principal!, request.params.importId, false, request.body.mapping, request.ip) });

  api.route({
    ...served(getRosterTemplate),
    config: { access: write },
    handler: async (_request, reply) => {
      const file = await rosterTemplate(groupsOf(fastify.campaigns.allTemplates()));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="roster-template.xlsx"; filename*=UTF-8''${encodeURIComponent('底数清模板.xlsx')}`)
        .send(file);
    },
  });
}
