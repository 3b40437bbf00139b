import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { MAX_REVEAL_REASON_LENGTH, MIN_REVEAL_REASON_LENGTH } from '../limits.js';
import { operation } from '../operation.js';
import { SafeText } from '../safe-text.js';
import { errorResponses } from '../schemas/error-body.js';

/** What a report or ledger file is written as. */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The ledgers (台账): special-group members and whether reached, the households still to visit, members whose marker warns or alerts. */
export const LEDGER_KINDS = ['special-groups', 'not-visited', 'markers'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

const Format = Type.Union(
  [Type.Literal('xlsx'), Type.Literal('csv')],
  { description: 'xlsx (the default): one sheet per level, frozen header, number formats. csv: UTF-8 with a byte-order mark so Excel reads it.' },
);

const RoundAreaParams = Type.Object({ roundId: IdSchema, areaId: IdSchema }, { additionalProperties: false });

/** A file as the answer: the bytes, named in Content-Disposition (filename* in UTF-8, RFC 5987). */
const fileAnswer = (description: string) =>
  Type.Unsafe<Uint8Array>({
    description,
    headers: { 'content-disposition': { type: 'string', description: "attachment; filename=\"…\"; filename*=UTF-8''… (the Chinese name, percent-encoded)" } },
    content: {
      [EXPORT_CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
    },
  });

export const exportDailyReport = operation('GET', '/api/v1/rounds/:roundId/areas/:areaId/report', {
  operationId: 'exportDailyReport',
  summary: 'The daily report (统计报表) of an area in a round, as an XLSX or CSV file',
  description:
    "One sheet per level from the area's own down to the micro-grids, a row per area and a totals row (the area's own figures). " +
    "The columns come from the round's campaign template; the numbers are the counts GET …/areas/:areaId/counts answers and the figures core's evaluateArea makes of them.",
  tags: ['reports'],
  params: RoundAreaParams,
  querystring: Type.Object({ format: Type.Optional(Format) }, { additionalProperties: false }),
  response: { 200: fileAnswer('The report file.'), ...errorResponses(400, 404) },
});

export const exportLedger = operation('POST', '/api/v1/rounds/:roundId/areas/:areaId/ledgers/:ledger', {
  operationId: 'exportLedger',
  summary: 'A ledger (台账) of an area in a round, as an XLSX or CSV file; names and phones masked unless revealed with a reason',
  description:
    'special-groups: special-group members and whether their household was visited; not-visited: the households still to visit (the mop-up list); ' +
    "markers: members whose marker option warns or alerts (red and yellow codes). Every export is audited; reveal needs the personal.reveal permission and a reason, kept in the audit log.",
  tags: ['reports'],
  params: Type.Object(
    { roundId: IdSchema, areaId: IdSchema, ledger: Type.Union([Type.Literal('special-groups'), Type.Literal('not-visited'), Type.Literal('markers')]) },
    { additionalProperties: false },
  ),
  body: Type.Object(
    {
      format: Type.Optional(Format),
      reveal: Type.Optional(Type.Boolean({ description: 'Names and phones in full; needs personal.reveal and a reason.' })),
      reason: Type.Optional(
        SafeText({ minLength: MIN_REVEAL_REASON_LENGTH, maxLength: MAX_REVEAL_REASON_LENGTH, description: 'Why the full names are needed, e.g. "mop-up calls tonight".' }),
      ),
    },
    { additionalProperties: false },
  ),
  response: { 200: fileAnswer('The ledger file.'), ...errorResponses(400, 404) },
});
