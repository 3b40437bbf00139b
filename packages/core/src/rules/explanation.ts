import type { CountPath } from '../campaign/count-path.js';
import type { LocalizedText } from '../text.js';
import type { ColourClass } from './counting-rules.js';

/** Which rules produced a figure. */
export interface RuleReference {
  readonly id: string;
  readonly version: number;
}

/** One named number that goes into a figure; `sign` says whether it adds or subtracts. */
export interface FigurePart {
  readonly label: LocalizedText;
  readonly value: number;
  readonly sign: 1 | -1;
}

/**
 * A share with what it is made of, so a user can see why it is what it is:
 * 已入户 80 / 应入户 100, where 应入户 = 总户数 103 − 空置户 3.
 */
export interface RatioExplanation {
  /** The template's measure id, e.g. coverage. */
  readonly measure: string;
  readonly label: LocalizedText;
  /** null when the denominator is 0: there is nothing to measure. */
  readonly value: number | null;
  readonly numerator: { readonly path: CountPath; readonly label: LocalizedText; readonly value: number };
  readonly denominator: { readonly path: CountPath; readonly label: LocalizedText; readonly value: number; readonly parts: readonly FigurePart[] };
  readonly rule: RuleReference;
  readonly text: LocalizedText;
}

export interface ColourExplanation {
  readonly colour: ColourClass;
  readonly measure: string;
  readonly value: number | null;
  /** The band the value fell in; null for grey. */
  readonly band: { readonly from: number; readonly below: number | null } | null;
  readonly rule: RuleReference;
  readonly text: LocalizedText;
}

/** One condition of the goal, with the figure, the threshold and whether it was met. */
export interface GoalCheck {
  /** The share measure's id, or the count's path. */
  readonly condition: string;
  readonly label: LocalizedText;
  /** `min` for a share, `max` for a count. */
  readonly bound: 'min' | 'max';
  readonly actual: number | null;
  readonly threshold: number;
  readonly passed: boolean;
}

export interface GoalExplanation {
  /** The goal's name in the rules, e.g. 无疫. */
  readonly name: LocalizedText;
  readonly value: boolean;
  readonly checks: readonly GoalCheck[];
  readonly rule: RuleReference;
  readonly text: LocalizedText;
}

/** Everything the rules say about one area's counts. */
export interface AreaEvaluation {
  /** Every share measure of the template, by measure id, in the template's order. */
  readonly shares: Readonly<Record<string, RatioExplanation>>;
  readonly colour: ColourExplanation;
  /** null when the rules set no goal. */
  readonly goal: GoalExplanation | null;
}
