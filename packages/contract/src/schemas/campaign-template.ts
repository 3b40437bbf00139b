import type { CampaignTemplate } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import { IdSchema } from '../ids.js';
import type { Assignable } from '../mirror.js';
import { CountPathSchema } from './area-counts.js';
import { LocalizedTextSchema as Text } from './localized-text.js';

// The shape of the core's CampaignTemplate: what a sweep records and how it is
// counted, as data. The schema says the shape; the core's validateTemplate,
// which the server runs on every template it stores, checks what a schema
// cannot (ids unique, measures naming the template's own counts, a quick fill
// naming existing options, at most 15 options a field).

const closed = { additionalProperties: false } as const;

function choiceField<const K extends string>(kinds: readonly K[], description: string) {
  const option = Type.Object({ id: IdSchema, name: Text, counts: Type.Enum(kinds, { description: 'How the counting rules treat this choice.' }) }, closed);
  return Type.Object({ id: IdSchema, name: Text, options: Type.Immutable(Type.Array(option)) }, { ...closed, description });
}

const MarkerFieldSchema = Type.Object(
  {
    id: IdSchema,
    name: Text,
    options: Type.Immutable(Type.Array(Type.Object({ id: IdSchema, name: Text, tone: Type.Enum(['good', 'warning', 'alert', 'neutral']) }, closed))),
    unrecorded: Type.Union([Type.Null(), IdSchema], { description: 'The option a member with nothing recorded counts as, or null: not counted.' }),
  },
  { ...closed, description: 'A per-member choice counted option by option, e.g. the health-code colour.' },
);

const DetailFieldSchema = Type.Object(
  {
    id: IdSchema,
    name: Text,
    type: Type.Enum(['text', 'date', 'integer']),
    maxLength: Type.Optional(Type.Integer({ description: 'Text only; 200 when absent.' })),
    min: Type.Optional(Type.Integer({ description: 'Integer only.' })),
    max: Type.Optional(Type.Integer({ description: 'Integer only.' })),
    requiredWhen: Type.Optional(Type.Object({ field: IdSchema, options: Type.Immutable(Type.Array(IdSchema)) }, closed)),
  },
  { ...closed, description: 'A value recorded and shown but never counted: a note, a date, a reason.' },
);

const MeasureSpecSchema = Type.Union(
  [
    Type.Object({ id: IdSchema, kind: Type.Literal('share'), name: Text, numerator: CountPathSchema, denominator: CountPathSchema }, closed),
    Type.Object({ id: IdSchema, kind: Type.Literal('markers'), name: Text }, closed),
    Type.Object({ id: IdSchema, kind: Type.Literal('count'), name: Text, count: CountPathSchema }, closed),
    Type.Object({ id: IdSchema, kind: Type.Literal('specialGroups'), name: Text }, closed),
  ],
  { description: 'What a map can be coloured by: a share, the markers\' worst tone, a count (0 on target), or special groups not reached.' },
);

const FieldValuesSchema = Type.Record(Type.String(), Type.String(), { description: 'Field id to option id.' });

export const CampaignTemplateSchema = Type.Object(
  {
    id: IdSchema,
    version: Type.Integer({ minimum: 1 }),
    name: Text,
    household: Type.Object({ outcome: choiceField(['visited', 'no_answer', 'vacant', 'refused'], 'Recorded once per household visit.'), details: Type.Immutable(Type.Array(DetailFieldSchema)) }, closed),
    member: Type.Object(
      {
        status: choiceField(['done', 'not_done', 'exempt', 'away'], "Whether the campaign's job was done for the member."),
        marker: Type.Union([Type.Null(), MarkerFieldSchema]),
        details: Type.Immutable(Type.Array(DetailFieldSchema)),
      },
      closed,
    ),
    population: Type.Object(
      { minAge: Type.Union([Type.Null(), Type.Integer({ minimum: 0 })], { description: 'Members counted: everyone (null), or those at least this old in the year the round starts.' }), name: Text },
      closed,
    ),
    specialGroups: Type.Immutable(Type.Array(Type.Object({ id: IdSchema, name: Text }, closed))),
    words: Type.Object({ members: Text, done: Text, doneRate: Text, eligible: Text, reached: Text }, { ...closed, description: 'The words the template gives the counts the rules explain.' }),
    measures: Type.Immutable(Type.Array(MeasureSpecSchema)),
    quickFills: Type.Immutable(Type.Array(Type.Object({ id: IdSchema, name: Text, household: FieldValuesSchema, member: FieldValuesSchema }, closed))),
  },
  { ...closed, description: 'A campaign template: what a sweep records and how it is counted.' },
);

export type CampaignTemplateMirrorsCore = [
  Assignable<Static<typeof CampaignTemplateSchema>, CampaignTemplate>,
  Assignable<CampaignTemplate, Static<typeof CampaignTemplateSchema>>,
];

/** A stored template version, as listed. */
export const TemplateSummarySchema = Type.Object({ id: IdSchema, version: Type.Integer({ minimum: 1 }), name: Text }, closed);
