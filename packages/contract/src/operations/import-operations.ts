import Type from 'typebox';
import { Id } from '../ids.js';
import { operation } from '../operation.js';
import { SafeText } from '../safe-text.js';
import { errorResponses } from '../schemas/error-body.js';
import { ImportReportSchema } from '../schemas/import-report.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The content types an upload is sent as: the file's bytes, as they are. */
export const IMPORT_UPLOAD_TYPES = ['application/octet-stream', 'text/csv', XLSX_TYPE, 'application/geo+json', 'application/zip'] as const;

const ImportIdParams = Type.Object({ importId: Type.String({ pattern: '^[0-9a-f-]{36}$', description: 'The id an upload answered.' }) }, { additionalProperties: false });

const MappingSchema = Type.Record(SafeText({ maxLength: 40 }), SafeText({ maxLength: 100 }), {
  description: 'Corrects the column matching: a field id (building, unit, room, name, phone, …) to the header, as in the file, to read it from.',
});

const RunBody = Type.Object({ mapping: Type.Optional(MappingSchema) }, { additionalProperties: false });

export const uploadImport = operation('POST', '/api/v1/imports', {
  operationId: 'uploadImport',
  summary: 'Upload a file to import: areas, buildings or a household roster',
  description:
    `The body is the file's bytes (${IMPORT_UPLOAD_TYPES.join(', ')}): GeoJSON, a zipped Shapefile (areas), CSV (UTF-8 with or without BOM, or GB18030) or XLSX. ` +
    'Nothing is read or written yet: preview it, then commit it. Uploads are kept an hour, for the account that sent them only. ' +
    "A roster needs areaId (the area whose buildings its rows name); an area file's top areas go under parentId; " +
    'a supervisor imports only inside their scope.',
  tags: ['territory'],
  querystring: Type.Object(
    {
      kind: Type.Enum(['areas', 'buildings', 'roster']),
      fileName: SafeText({ minLength: 1, maxLength: 200, description: "The file's name; its extension tells the format (.geojson, .json, .zip, .csv, .xlsx); for areas, a zip or GeoJSON is also known by its bytes." }),
      areaId: Type.Optional(Id('Roster: the area its rows belong to.')),
      parentId: Type.Optional(Id('Areas: the parent of the top areas the file gives none.')),
      level: Type.Optional(SafeText({ maxLength: 40, description: 'Areas: the level of areas the file gives none.' })),
      crs: Type.Optional(Type.Enum(['wgs84', 'gcj02', 'bd09'], { description: "The file's coordinate system (GeoJSON, Shapefile after its .prj, building coordinates); wgs84 by default." })),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object({ importId: Type.String(), kind: Type.Enum(['areas', 'buildings', 'roster']), fileName: Type.String(), bytes: Type.Integer() }, { additionalProperties: false }),
    ...errorResponses(400, 404, 413, 415),
  },
});

export const previewImport = operation('POST', '/api/v1/imports/:importId/preview', {
  operationId: 'previewImport',
  summary: 'A dry run of an upload: counts to add, change and leave, and every problem by row, column, value and reason',
  tags: ['territory'],
  params: ImportIdParams,
  body: RunBody,
  response: { 200: ImportReportSchema, ...errorResponses(400, 404) },
});

export const commitImport = operation('POST', '/api/v1/imports/:importId/commit', {
  operationId: 'commitImport',
  summary: 'Import an upload, all or nothing: with any problem nothing is written (committed false)',
  tags: ['territory'],
  params: ImportIdParams,
  body: RunBody,
  response: { 200: ImportReportSchema, ...errorResponses(400, 404) },
});

export const getRosterTemplate = operation('GET', '/api/v1/imports/roster-template.xlsx', {
  operationId: 'getRosterTemplate',
  summary: 'An empty roster (底数清) with the headers an import expects, and the special groups it knows',
  tags: ['territory'],
  response: {
    200: Type.Unsafe<Uint8Array>({ description: 'The XLSX file.', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } }),
    ...errorResponses(400),
  },
});

