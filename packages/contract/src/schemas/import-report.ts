import Type from 'typebox';

const Count = Type.Integer({ minimum: 0 });
const ImportCountsSchema = Type.Object({ add: Count, change: Count, leave: Count }, { additionalProperties: false });

export const ImportProblemSchema = Type.Object(
  {
    row: Type.Integer({ description: 'The spreadsheet row (1 = the first line, the headers) or, for GeoJSON, the feature index (from 0).' }),
    column: Type.String({ description: "The column's header as the file has it, the GeoJSON property, or `geometry`." }),
    value: Type.String(),
    reason: Type.String(),
  },
  { additionalProperties: false },
);

/** What an import would do (a preview) or did (a commit). */
export const ImportReportSchema = Type.Object(
  {
    kind: Type.Enum(['areas', 'buildings', 'roster']),
    file: Type.String(),
    dryRun: Type.Boolean(),
    committed: Type.Boolean({ description: 'True only when everything was written; with any problem nothing is.' }),
    rows: Count,
    problems: Type.Immutable(Type.Array(ImportProblemSchema, { description: 'The first 1 000 problems.' })),
    problemCount: Count,
    areaId: Type.Optional(Type.String()),
    mapping: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Roster: which header each field was read from.' })),
    unusedColumns: Type.Optional(Type.Immutable(Type.Array(Type.String()))),
    households: Type.Optional(Type.Object({ add: Count, change: Count, leave: Count, missing: Count }, { additionalProperties: false })),
    members: Type.Optional(ImportCountsSchema),
    missingHouseholds: Type.Optional(
      Type.Immutable(
        Type.Array(Type.Object({ id: Type.String(), buildingId: Type.String(), unit: Type.Integer(), room: Type.String() }, { additionalProperties: false }), {
          description: 'Stored households of the area the file leaves out (the first 100): reported, never deleted.',
        }),
      ),
    ),
    areas: Type.Optional(ImportCountsSchema),
    withoutOutline: Type.Optional(Count),
    buildings: Type.Optional(ImportCountsSchema),
  },
  { additionalProperties: false },
);
