import type { LocalizedText } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import type { Assignable } from '../mirror.js';
import { SafeText } from '../safe-text.js';

/** User-facing text: Simplified Chinese first, English second. */
export const LocalizedTextSchema = Type.Object({ zh: SafeText(), en: SafeText() }, { additionalProperties: false });

export type LocalizedTextMirrorsCore = [
  Assignable<Static<typeof LocalizedTextSchema>, LocalizedText>,
  Assignable<LocalizedText, Static<typeof LocalizedTextSchema>>,
];
