import type { CampaignTemplate, ChoiceField, MarkerField } from '../campaign/template.js';
import { MAX_OPTIONS } from '../campaign/validate-template.js';
import { invariant } from '../validation/invariant.js';
import { GROUPS_AFTER_MARKERS, MARKERS } from './counter-layout.js';
import type { TagVocabulary } from './tag-vocabulary.js';

/** Kind codes the counters understand; 0 always means "nothing recorded". */
export const OUTCOME_VISITED = 1;
export const OUTCOME_NO_ANSWER = 2;
export const OUTCOME_VACANT = 3;
export const OUTCOME_REFUSED = 4;
export const STATUS_DONE = 1;
export const STATUS_NOT_DONE = 2;
export const STATUS_EXEMPT = 3;
export const STATUS_AWAY = 4;

const OUTCOME_KINDS = { visited: OUTCOME_VISITED, no_answer: OUTCOME_NO_ANSWER, vacant: OUTCOME_VACANT, refused: OUTCOME_REFUSED };
const STATUS_KINDS = { done: STATUS_DONE, not_done: STATUS_NOT_DONE, exempt: STATUS_EXEMPT, away: STATUS_AWAY };

/** One choice field compiled for the hot path: option id to code, code to kind. */
export interface FieldCodes {
  readonly fieldId: string;
  /** Option id to its code, option index + 1. */
  readonly codeOf: ReadonlyMap<string, number>;
  /** Code to kind code; index 0 is "nothing recorded". */
  readonly kindOf: Uint8Array;
  readonly optionIds: readonly string[];
}

/**
 * A campaign template compiled into the small tables one round counts with,
 * and where its counters lie in an area's run of Int32: the fixed ones, one
 * per marker option, three per special group.
 */
export interface TemplateCodes {
  readonly template: CampaignTemplate;
  readonly outcome: FieldCodes;
  readonly status: FieldCodes;
  readonly marker: FieldCodes | null;
  /** Marker code to its counter, -1 for the option unrecorded members count as (derived when read). */
  readonly markerCounter: Int8Array;
  /** The index of the marker option that is derived, or -1. */
  readonly derivedMarker: number;
  /** Detail fields: recorded and allowed, never counted. */
  readonly householdDetails: ReadonlySet<string>;
  readonly memberDetails: ReadonlySet<string>;
  readonly groupIds: readonly string[];
  /** For each of the template's special groups, its bit in the engine's tag masks. */
  readonly groupBits: readonly number[];
  /** The first of each group's three counters (total, not visited, not done). */
  readonly groupsAt: number;
  readonly stride: number;
}

function compileField<Kind extends string>(field: ChoiceField<Kind>, kinds: Record<Kind, number>): FieldCodes {
  invariant(field.options.length <= MAX_OPTIONS, `options of field ${field.id}`, `at most ${MAX_OPTIONS}`, field.options.length);
  const codeOf = new Map<string, number>();
  const kindOf = new Uint8Array(MAX_OPTIONS + 1);
  field.options.forEach((option, index) => {
    codeOf.set(option.id, index + 1);
    kindOf[index + 1] = kinds[option.counts];
  });
  return { fieldId: field.id, codeOf, kindOf, optionIds: field.options.map((o) => o.id) };
}

function compileMarker(field: MarkerField): FieldCodes {
  invariant(field.options.length <= MAX_OPTIONS, `options of field ${field.id}`, `at most ${MAX_OPTIONS}`, field.options.length);
  return {
    fieldId: field.id,
    codeOf: new Map(field.options.map((option, index) => [option.id, index + 1])),
    kindOf: new Uint8Array(MAX_OPTIONS + 1),
    optionIds: field.options.map((o) => o.id),
  };
}

/** Compiles a template, giving its special groups bits in the engine's shared vocabulary. */
export function compileTemplate(template: CampaignTemplate, tags: TagVocabulary): TemplateCodes {
  const marker = template.member.marker === null ? null : compileMarker(template.member.marker);
  const markerCount = marker?.optionIds.length ?? 0;
  const derivedMarker = marker && template.member.marker!.unrecorded !== null ? marker.optionIds.indexOf(template.member.marker!.unrecorded) : -1;
  const markerCounter = new Int8Array(MAX_OPTIONS + 1).fill(-1);
  for (let i = 0; i < markerCount; i++) if (i !== derivedMarker) markerCounter[i + 1] = MARKERS + i;
  const groupsAt = GROUPS_AFTER_MARKERS(markerCount);
  return {
    template,
    outcome: compileField(template.household.outcome, OUTCOME_KINDS),
    status: compileField(template.member.status, STATUS_KINDS),
    marker,
    markerCounter,
    derivedMarker,
    householdDetails: new Set(template.household.details.map((d) => d.id)),
    memberDetails: new Set(template.member.details.map((d) => d.id)),
    groupIds: template.specialGroups.map((g) => g.id),
    groupBits: template.specialGroups.map((g) => tags.bitOf(g.id)),
    groupsAt,
    stride: groupsAt + 3 * template.specialGroups.length,
  };
}
