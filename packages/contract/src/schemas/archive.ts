import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { MAX_ARCHIVE_REASON_LENGTH } from '../limits.js';
import { SafeText } from '../safe-text.js';

/** When a round or an area was archived: milliseconds since the Unix epoch. */
export const ArchivedAtSchema = Type.Integer({ description: 'When it was archived, in milliseconds since the Unix epoch.' });

/** What an administrator may say when archiving or unarchiving: the reason goes to the audit log. */
export const ArchiveBodySchema = Type.Object(
  { reason: Type.Optional(SafeText({ minLength: 1, maxLength: MAX_ARCHIVE_REASON_LENGTH, description: 'Why, kept in the audit log.' })) },
  { additionalProperties: false },
);

/** A round's or an area's archive mark after a change: null when it is not archived. */
export const ArchiveStateSchema = Type.Object(
  { id: IdSchema, archivedAt: Type.Union([Type.Null(), ArchivedAtSchema]) },
  { additionalProperties: false },
);
