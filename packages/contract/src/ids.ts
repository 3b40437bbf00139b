import { ID_PATTERN, ID_RULE, UUID_V7_PATTERN } from '@gridsweep/core';
import Type, { type TString } from 'typebox';

// The id rule is core's: the schema carries its pattern, so HTTP, the socket and
// the core's validators refuse the same strings with the same reason.

/** Ids are short opaque strings that are safe in URLs, logs and file names. */
export const IdSchema = Type.String({ pattern: ID_PATTERN.source, description: `An id: ${ID_RULE.patternReason}.` });

export const ID_REASON = ID_RULE.patternReason;

/** An id that says what it names. */
export function Id(description: string): TString {
  return Type.String({ pattern: ID_PATTERN.source, description });
}

/** A sweep event's id, made on the device. */
export const UuidV7Schema = Type.String({ pattern: UUID_V7_PATTERN.source, description: 'A lowercase UUID v7 (RFC 9562), made on the device.' });

export const UUID_V7_REASON = 'must be a lowercase UUID v7';
