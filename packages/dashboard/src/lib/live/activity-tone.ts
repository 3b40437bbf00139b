import type { CampaignTemplate, HouseholdOutcomeKind, MarkerTone, MemberStatusKind } from '@gridsweep/core';

const OUTCOME_TONES: Record<HouseholdOutcomeKind, MarkerTone> = { visited: 'good', no_answer: 'warning', refused: 'alert', vacant: 'neutral' };
const STATUS_TONES: Record<MemberStatusKind, MarkerTone> = { done: 'good', not_done: 'warning', exempt: 'neutral', away: 'neutral' };

/**
 * How a ticker item reads, from what its option counts as in the round's
 * template: a door answered or a job done is good, no answer or a job not
 * done a warning, a refusal an alert, and a marker its own tone. The item's
 * words come from the server; only its colour is decided here.
 */
export function activityTone(template: CampaignTemplate | null, optionId: string): MarkerTone {
  if (!template) return 'neutral';
  const outcome = template.household.outcome.options.find((option) => option.id === optionId);
  if (outcome) return OUTCOME_TONES[outcome.counts];
  const status = template.member.status.options.find((option) => option.id === optionId);
  if (status) return STATUS_TONES[status.counts];
  return template.member.marker?.options.find((option) => option.id === optionId)?.tone ?? 'neutral';
}
