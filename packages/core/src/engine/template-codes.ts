import type { CampaignTemplate, ChoiceField } from '../campaign/template.js';
import { invariant } from '../validation/invariant.js';

/** Kind codes the counters understand; 0 always means "nothing recorded". */
export const OUTCOME_VISITED = 1;
export const OUTCOME_NO_ANSWER = 2;
export const OUTCOME_VACANT = 3;
export const OUTCOME_REFUSED = 4;
export const STATUS_DONE = 1;
export const STATUS_NOT_DONE = 2;
export const STATUS_EXEMPT = 3;
export const STATUS_AWAY = 4;
export const MARKER_GREEN = 1;
export const MARKER_YELLOW = 2;
export const MARKER_RED = 3;
export const MARKER_UNKNOWN = 4;

const OUTCOME_KINDS = { visited: OUTCOME_VISITED, no_answer: OUTCOME_NO_ANSWER, vacant: OUTCOME_VACANT, refused: OUTCOME_REFUSED };
const STATUS_KINDS = { done: STATUS_DONE, not_done: STATUS_NOT_DONE, exempt: STATUS_EXEMPT, away: STATUS_AWAY };
const MARKER_KINDS = { green: MARKER_GREEN, yellow: MARKER_YELLOW, red: MARKER_RED, unknown: MARKER_UNKNOWN };

/** Options are stored as 4-bit codes and special groups as bits of a 31-bit mask. */
export const MAX_OPTIONS = 15;
export const MAX_SPECIAL_GROUPS = 31;

/** One choice field compiled for the hot path: option id to code, code to kind. */
export interface FieldCodes {
  readonly fieldId: string;
  /** Option id to its code, option index + 1. */
  readonly codeOf: ReadonlyMap<string, number>;
  /** Code to kind code; index 0 is "nothing recorded". */
  readonly kindOf: Uint8Array;
  readonly optionIds: readonly string[];
}

/** A campaign template compiled into the small tables the engine counts with. */
export interface TemplateCodes {
  readonly outcome: FieldCodes;
  readonly status: FieldCodes;
  readonly marker: FieldCodes | null;
  readonly tagIds: readonly string[];
  readonly tagBit: ReadonlyMap<string, number>;
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

export function compileTemplate(template: CampaignTemplate): TemplateCodes {
  const groups = template.specialGroups;
  invariant(groups.length <= MAX_SPECIAL_GROUPS, 'special groups of the template', `at most ${MAX_SPECIAL_GROUPS}`, groups.length);
  return {
    outcome: compileField(template.householdOutcome, OUTCOME_KINDS),
    status: compileField(template.memberStatus, STATUS_KINDS),
    marker: template.memberMarker ? compileField(template.memberMarker, MARKER_KINDS) : null,
    tagIds: groups.map((g) => g.id),
    tagBit: new Map(groups.map((g, i) => [g.id, i])),
  };
}
