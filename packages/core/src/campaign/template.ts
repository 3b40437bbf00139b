import type { LocalizedText } from '../text.js';

/** What a household outcome means for counting. */
export type HouseholdOutcomeKind = 'visited' | 'no_answer' | 'vacant' | 'refused';
/** What a member's status means for counting: the campaign's job done, not done, or not owed. */
export type MemberStatusKind = 'done' | 'not_done' | 'exempt' | 'away';
/** A per-member marker shown as a colour, e.g. the health code. */
export type MarkerKind = 'green' | 'yellow' | 'red' | 'unknown';

export interface ChoiceOption<Kind extends string> {
  readonly id: string;
  readonly name: LocalizedText;
  /** How the counting rules treat this choice. */
  readonly counts: Kind;
}

export interface ChoiceField<Kind extends string> {
  readonly id: string;
  readonly name: LocalizedText;
  readonly options: readonly ChoiceOption<Kind>[];
}

export interface SpecialGroup {
  readonly id: string;
  readonly name: LocalizedText;
}

/**
 * What a sweep records, as data: a vaccination drive or a welfare check is a
 * new template, not new code. Every choice maps onto one of the fixed kinds the
 * counting rules understand.
 */
export interface CampaignTemplate {
  readonly id: string;
  readonly version: number;
  readonly name: LocalizedText;
  /** Recorded once per household visit. */
  readonly householdOutcome: ChoiceField<HouseholdOutcomeKind>;
  /** Recorded per member: whether the campaign's job was done for them. */
  readonly memberStatus: ChoiceField<MemberStatusKind>;
  /** Recorded per member when the campaign has one, e.g. the health-code colour. */
  readonly memberMarker: ChoiceField<MarkerKind> | null;
  readonly specialGroups: readonly SpecialGroup[];
}

/** The field ids an event may carry for a household, and for a member. */
export function templateFields(template: CampaignTemplate): {
  household: readonly ChoiceField<string>[];
  member: readonly ChoiceField<string>[];
} {
  return {
    household: [template.householdOutcome],
    member: template.memberMarker ? [template.memberStatus, template.memberMarker] : [template.memberStatus],
  };
}
