import type { LocalizedText } from '../text.js';
import type { ColourClass, ColourMeasure } from './counting-rules.js';

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
 * A ratio with what it is made of, so a user can see why it is what it is:
 * 已入户 80 / 应入户 100, where 应入户 = 总户数 103 − 空置 3.
 */
export interface RatioExplanation {
  readonly measure: ColourMeasure;
  readonly label: LocalizedText;
  /** null when the denominator is 0: there is nothing to measure. */
  readonly value: number | null;
  readonly numerator: { readonly label: LocalizedText; readonly value: number };
  readonly denominator: { readonly label: LocalizedText; readonly value: number; readonly parts: readonly FigurePart[] };
  readonly rule: RuleReference;
  readonly text: LocalizedText;
}

export interface ColourExplanation {
  readonly colour: ColourClass;
  readonly measure: ColourMeasure;
  readonly value: number | null;
  /** The band the value fell in; null for grey. */
  readonly band: { readonly from: number; readonly below: number | null } | null;
  readonly rule: RuleReference;
  readonly text: LocalizedText;
}

/** One condition of 无疫 status, with the figure, the threshold and whether it was met. */
export interface EpidemicFreeCheck {
  readonly condition: 'coverage' | 'testRate' | 'redCodes';
  readonly label: LocalizedText;
  readonly actual: number | null;
  readonly threshold: number;
  readonly passed: boolean;
}

export interface EpidemicFreeExplanation {
  readonly value: boolean;
  readonly checks: readonly EpidemicFreeCheck[];
  readonly rule: RuleReference;
  readonly text: LocalizedText;
}

/** Everything the rules say about one area's counts. */
export interface AreaEvaluation {
  readonly coverage: RatioExplanation;
  readonly testRate: RatioExplanation;
  readonly colour: ColourExplanation;
  readonly epidemicFree: EpidemicFreeExplanation;
}
