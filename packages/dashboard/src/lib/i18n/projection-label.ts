import type { CompletionProjection } from '@gridsweep/core';
import type { Locale } from './locale.svelte.js';

/** A projected completion in words: the time it should be done, done already, or why it cannot be told yet. */
export function projectionLabel(locale: Locale, projection: CompletionProjection | null): string {
  if (!projection) return locale.t('trend.noProjection');
  if (projection.reason === 'complete') return locale.t('trend.complete');
  return projection.at === null ? locale.t('trend.noProjection') : `${locale.t('trend.projected')} ${locale.time(projection.at)}`;
}
