import { countAt, countLabel, countParts } from '../campaign/count-path.js';
import type { CampaignTemplate, MeasureSpec } from '../campaign/template.js';
import type { AreaCounts } from '../engine/area-counts.js';
import type { LocalizedText } from '../text.js';
import { colourBandOf } from './colour-class.js';
import type { ColourClass, CountingRules } from './counting-rules.js';
import type { AreaEvaluation, ColourExplanation, GoalCheck, GoalExplanation, RatioExplanation, RuleReference } from './explanation.js';
import { checkCondition, ratioOf } from './goal.js';

const COLOUR_NAMES: Record<ColourClass, LocalizedText> = {
  red: { zh: '红色', en: 'red' },
  orange: { zh: '橙色', en: 'orange' },
  yellow: { zh: '黄色', en: 'yellow' },
  green: { zh: '绿色', en: 'green' },
  grey: { zh: '灰色', en: 'grey' },
};

/** Percentages are cut, never rounded up, so 94.96 % never reads as a 95 % target met. */
export const percent = (value: number | null): string => (value === null ? '—' : `${(Math.floor(value * 1000) / 10).toFixed(1)}%`);

type ShareSpec = Extract<MeasureSpec, { kind: 'share' }>;

function ratio(counts: AreaCounts, template: CampaignTemplate, measure: ShareSpec, rule: RuleReference): RatioExplanation {
  const numerator = { path: measure.numerator, label: countLabel(measure.numerator, template), value: countAt(counts, measure.numerator) ?? 0 };
  const parts = countParts(measure.denominator).map(({ path, sign }) => ({ label: countLabel(path, template), value: countAt(counts, path) ?? 0, sign }));
  const denominator = { path: measure.denominator, label: countLabel(measure.denominator, template), value: countAt(counts, measure.denominator) ?? 0, parts };
  const value = ratioOf(numerator.value, denominator.value);
  const terms = (lang: 'zh' | 'en') => parts.map((p, i) => `${i === 0 ? '' : p.sign > 0 ? ' + ' : ' − '}${p.label[lang]} ${p.value}`).join('');
  const text = (lang: 'zh' | 'en') => {
    const base = `${measure.name[lang]} ${percent(value)} = ${numerator.label[lang]} ${numerator.value} / ${denominator.label[lang]} ${denominator.value}`;
    return parts.length > 1 ? `${base} (${denominator.label[lang]} = ${terms(lang)})` : base;
  };
  return { measure: measure.id, label: measure.name, value, numerator, denominator, rule, text: { zh: text('zh'), en: text('en') } };
}

/** Every share measure, the map colour and the goal of an area, each with how it was reached. */
export function evaluateArea(counts: AreaCounts, template: CampaignTemplate, rules: CountingRules): AreaEvaluation {
  const rule = { id: rules.id, version: rules.version };
  const shares: Record<string, RatioExplanation> = {};
  for (const measure of template.measures) if (measure.kind === 'share') shares[measure.id] = ratio(counts, template, measure, rule);
  const colourFigure = shares[rules.colourMeasure] ?? Object.values(shares)[0];
  return {
    shares,
    colour: colourOf(colourFigure, rule, rules),
    goal: goalOf(counts, template, rules, shares, rule),
  };
}

function colourOf(figure: RatioExplanation | undefined, rule: RuleReference, rules: CountingRules): ColourExplanation {
  const value = figure?.value ?? null;
  const band = colourBandOf(value, rules);
  const colour = band?.colour ?? 'grey';
  const range = band === null ? '' : band.below === null ? ` ≥ ${percent(band.from)}` : ` ${percent(band.from)}–${percent(band.below)}`;
  const label = figure?.label ?? { zh: '数值', en: 'Value' };
  const denominator = figure?.denominator.label ?? { zh: '分母', en: 'denominator' };
  return {
    colour,
    measure: figure?.measure ?? rules.colourMeasure,
    value,
    band: band === null ? null : { from: band.from, below: band.below },
    rule,
    text:
      band === null
        ? { zh: `${label.zh}无数据（${denominator.zh}为 0），显示灰色`, en: `No ${label.en.toLowerCase()} yet (${denominator.en.toLowerCase()} is 0): grey` }
        : { zh: `${label.zh} ${percent(value)} 在${range}区间，显示${COLOUR_NAMES[colour].zh}`, en: `${label.en} ${percent(value)} is in${range}: ${COLOUR_NAMES[colour].en}` },
  };
}

function goalOf(counts: AreaCounts, template: CampaignTemplate, rules: CountingRules, shares: Record<string, RatioExplanation>, rule: RuleReference): GoalExplanation | null {
  const goal = rules.goal;
  if (goal === null) return null;
  const checks: GoalCheck[] = goal.conditions.map((condition) => {
    const { actual, passed } = checkCondition(counts, template, condition);
    return 'measure' in condition
      ? { condition: condition.measure, label: shares[condition.measure]?.label ?? { zh: condition.measure, en: condition.measure }, bound: 'min', actual, threshold: condition.min, passed }
      : { condition: condition.count, label: countLabel(condition.count, template), bound: 'max', actual, threshold: condition.max, passed };
  });
  const value = checks.every((c) => c.passed);
  const show = (c: GoalCheck, lang: 'zh' | 'en') =>
    c.bound === 'max' ? `${c.label[lang]} ${c.actual} > ${c.threshold}` : `${c.label[lang]} ${percent(c.actual)} < ${percent(c.threshold)}`;
  const failed = checks.filter((c) => !c.passed);
  const text = value
    ? { zh: `达到${goal.name.zh}标准`, en: `${goal.name.en}: every condition is met` }
    : { zh: `未达${goal.name.zh}标准：${failed.map((c) => show(c, 'zh')).join('；')}`, en: `Not ${goal.name.en.toLowerCase()}: ${failed.map((c) => show(c, 'en')).join('; ')}` };
  return { name: goal.name, value, checks, rule, text };
}
