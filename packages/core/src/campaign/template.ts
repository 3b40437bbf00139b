import type { LocalizedText } from '../text.js';
import type { CountPath } from './count-path.js';

/** What a household outcome means for counting. A "moved" option counts as vacant. */
export type HouseholdOutcomeKind = 'visited' | 'no_answer' | 'vacant' | 'refused';
/** What a member's status means for counting: the campaign's job done, not done, or not owed. */
export type MemberStatusKind = 'done' | 'not_done' | 'exempt' | 'away';
/** How a marker option reads on a map and in a list: an alert outranks a warning. */
export type MarkerTone = 'good' | 'warning' | 'alert' | 'neutral';

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

export interface MarkerOption {
  readonly id: string;
  readonly name: LocalizedText;
  readonly tone: MarkerTone;
}

/** A per-member choice counted option by option, e.g. the health-code colour. */
export interface MarkerField {
  readonly id: string;
  readonly name: LocalizedText;
  readonly options: readonly MarkerOption[];
  /** The option a member with nothing recorded counts as (the health code's "unknown"), or null: not counted. */
  readonly unrecorded: string | null;
}

/** A value recorded and shown but never counted: a note, a date, a reason. */
export interface DetailField {
  readonly id: string;
  readonly name: LocalizedText;
  readonly type: 'text' | 'date' | 'integer';
  /** Text only; 200 when absent. */
  readonly maxLength?: number;
  /** Integer only. */
  readonly min?: number;
  readonly max?: number;
  /** The event that records one of these options of `field` must carry this detail too. */
  readonly requiredWhen?: { readonly field: string; readonly options: readonly string[] };
}

export interface SpecialGroup {
  readonly id: string;
  readonly name: LocalizedText;
}

/** What the map can be coloured by, as data. */
export type MeasureSpec =
  /** A share that should reach the rules' top band, e.g. coverage = visited / to visit. */
  | { readonly id: string; readonly kind: 'share'; readonly name: LocalizedText; readonly numerator: CountPath; readonly denominator: CountPath }
  /** The marker's worst tone present in the area: alert, then warning, else good. */
  | { readonly id: string; readonly kind: 'markers'; readonly name: LocalizedText }
  /** A count of things to act on; 0 is on target. */
  | { readonly id: string; readonly kind: 'count'; readonly name: LocalizedText; readonly count: CountPath }
  /** Special-group members whose household is not yet visited. */
  | { readonly id: string; readonly kind: 'specialGroups'; readonly name: LocalizedText };

export type MeasureKind = MeasureSpec['kind'];

/** One tap for the common case, e.g. 全部已检 · 绿码: the household's values and every member's. */
export interface QuickFill {
  readonly id: string;
  readonly name: LocalizedText;
  readonly household: Readonly<Record<string, string>>;
  readonly member: Readonly<Record<string, string>>;
}

/** The words a template gives the counts the rules explain. */
export interface TemplateWords {
  /** The people the member counts cover, e.g. 总人数, 60岁及以上老人. */
  readonly members: LocalizedText;
  /** Members whose job is done, e.g. 已检测. */
  readonly done: LocalizedText;
  /** done / eligible, e.g. 检测率. */
  readonly doneRate: LocalizedText;
  /** Members who owe the job, e.g. 应检人数. */
  readonly eligible: LocalizedText;
  /** Members of visited households, e.g. 已入户人数. */
  readonly reached: LocalizedText;
}

/**
 * What a sweep records and how it is counted, as data: a vaccination census
 * or a welfare check is a new template, not new code. Every choice maps onto
 * one of the fixed kinds the counting engine understands; measures, words,
 * the form's fields and its one-tap fills all come from here.
 */
export interface CampaignTemplate {
  readonly id: string;
  readonly version: number;
  readonly name: LocalizedText;
  readonly household: {
    /** Recorded once per household visit. */
    readonly outcome: ChoiceField<HouseholdOutcomeKind>;
    readonly details: readonly DetailField[];
  };
  readonly member: {
    /** Whether the campaign's job was done for them. */
    readonly status: ChoiceField<MemberStatusKind>;
    readonly marker: MarkerField | null;
    readonly details: readonly DetailField[];
  };
  /** Who the member counts cover: everyone, or those at least `minAge` in the year the round starts (birth year known). */
  readonly population: { readonly minAge: number | null; readonly name: LocalizedText };
  readonly specialGroups: readonly SpecialGroup[];
  readonly words: TemplateWords;
  readonly measures: readonly MeasureSpec[];
  readonly quickFills: readonly QuickFill[];
}

/** A field an event may carry, with what kind of value it takes. */
export type TemplateField =
  | { readonly kind: 'choice'; readonly id: string; readonly name: LocalizedText; readonly optionIds: readonly string[] }
  | { readonly kind: 'detail'; readonly id: string; readonly name: LocalizedText; readonly detail: DetailField };

/** The fields an event may carry for a household, and for a member, in the order a form shows them. */
export function templateFields(template: CampaignTemplate): { household: readonly TemplateField[]; member: readonly TemplateField[] } {
  const choice = (field: { id: string; name: LocalizedText; options: readonly { id: string }[] }): TemplateField => ({
    kind: 'choice',
    id: field.id,
    name: field.name,
    optionIds: field.options.map((o) => o.id),
  });
  const detail = (field: DetailField): TemplateField => ({ kind: 'detail', id: field.id, name: field.name, detail: field });
  const { household, member } = template;
  return {
    household: [choice(household.outcome), ...household.details.map(detail)],
    member: [choice(member.status), ...(member.marker ? [choice(member.marker)] : []), ...member.details.map(detail)],
  };
}

/** A template's key in storage and in rounds. */
export function templateKey(template: Pick<CampaignTemplate, 'id' | 'version'>): string {
  return `${template.id}@${template.version}`;
}
