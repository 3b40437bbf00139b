import type { Round } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import { Id, IdSchema } from '../ids.js';
import type { Assignable } from '../mirror.js';
import { SafeText } from '../safe-text.js';
import { ArchivedAtSchema } from './archive.js';
import { CampaignTemplateSchema } from './campaign-template.js';
import { CountingRulesSchema } from './counting-rules.js';

const Version = (description: string) => Type.Integer({ minimum: 1, description });

const roundProperties = {
  id: IdSchema,
  name: SafeText({ minLength: 1 }),
  templateId: Id('A stored campaign template (GET /api/v1/templates).'),
  templateVersion: Version('The version of the template the round is counted by.'),
  rulesId: Id("Stored counting rules for the template (GET /api/v1/rules)."),
  rulesVersion: Version('The version of the rules the round is counted by.'),
  areaId: IdSchema,
  startsAt: Type.Integer({ description: 'Milliseconds since the Unix epoch.' }),
};

/**
 * One campaign pass over a territory, e.g. "11-14 全员核酸", with the template and rules versions it is counted by.
 * `archivedAt` only on an archived round, which only administrators see.
 */
export const RoundSchema = Type.Object({ ...roundProperties, archivedAt: Type.Optional(ArchivedAtSchema) }, { additionalProperties: false });

export type RoundMirrorsCore = [Assignable<Static<typeof RoundSchema>, Round>, Assignable<Round, Static<typeof RoundSchema>>];

/** A new round may leave the versions out: the latest stored are taken. */
export const NewRoundSchema = Type.Object(
  {
    ...roundProperties,
    templateVersion: Type.Optional(Version('Left out: the latest stored.')),
    rulesVersion: Type.Optional(Version('Left out: the latest stored.')),
  },
  { additionalProperties: false },
);

/**
 * What may change of a round: its name at any time; the template and rules
 * versions (and other rules for the same template) only before its first event.
 */
export const RoundChangeSchema = Type.Object(
  {
    name: Type.Optional(SafeText({ minLength: 1 })),
    templateVersion: Type.Optional(Version("Another stored version of the round's template.")),
    rulesId: Type.Optional(Id("Other stored rules for the round's template.")),
    rulesVersion: Type.Optional(Version('Left out with a new rulesId: the latest stored.')),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** What a client needs to draw a round: its template (measures, words, the form) and its rules (bands, goal). */
export const RoundCampaignSchema = Type.Object({ round: RoundSchema, template: CampaignTemplateSchema, rules: CountingRulesSchema }, { additionalProperties: false });
