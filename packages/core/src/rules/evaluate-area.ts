import type { AreaCounts } from '../engine/area-counts.js';
import type { LocalizedText } from '../text.js';
import { colourBandOf } from './colour-class.js';
import { DEFAULT_RULES, type ColourClass, type CountingRules } from './counting-rules.js';
import { epidemicFreeChecks, ratioOf } from './epidemic-free.js';
import type { AreaEvaluation, ColourExplanation, EpidemicFreeCheck, EpidemicFreeExplanation, FigurePart, RatioExplanation, RuleReference } from './explanation.js';

const L = {
  coverage: { zh: '覆盖率', en: 'Coverage' },
  testRate: { zh: '检测率', en: 'Test rate' },
  visited: { zh: '已入户', en: 'Visited households' },
  toVisit: { zh: '应入户', en: 'Households to visit' },
  households: { zh: '总户数', en: 'Households' },
  vacant: { zh: '空置户', en: 'Vacant households' },
  tested: { zh: '已检测', en: 'Tested' },
  eligible: { zh: '应检人数', en: 'People to test' },
  members: { zh: '总人数', en: 'People' },
  exempt: { zh: '免检', en: 'Exempt' },
  away: { zh: '外出', en: 'Away' },
  redCodes: { zh: '红码人数', en: 'Red codes' },
} satisfies Record<string, LocalizedText>;

const COLOUR_NAMES: Record<ColourClass, LocalizedText> = {
  red: { zh: '红色', en: 'red' },
  orange: { zh: '橙色', en: 'orange' },
  yellow: { zh: '黄色', en: 'yellow' },
  green: { zh: '绿色', en: 'green' },
  grey: { zh: '灰色', en: 'grey' },
};

const percent = (value: number | null) => (value === null ? '—' : `${(Math.floor(value * 1000) / 10).toFixed(1)}%`);

function ratio(
  measure: RatioExplanation['measure'],
  numerator: { label: LocalizedText; value: number },
  denominator: { label: LocalizedText; value: number },
  parts: FigurePart[],
  rule: RuleReference,
): RatioExplanation {
  const value = ratioOf(numerator.value, denominator.value);
  const label = L[measure];
  const terms = (lang: 'zh' | 'en') => parts.map((p, i) => `${i === 0 ? '' : p.sign > 0 ? ' + ' : ' − '}${p.label[lang]} ${p.value}`).join('');
  const text = (lang: 'zh' | 'en') =>
    `${label[lang]} ${percent(value)} = ${numerator.label[lang]} ${numerator.value} / ${denominator.label[lang]} ${denominator.value} (${denominator.label[lang]} = ${terms(lang)})`;
  return { measure, label, value, numerator, denominator: { ...denominator, parts }, rule, text: { zh: text('zh'), en: text('en') } };
}

/** Coverage, test rate, map colour and 无疫 status of an area, each with how it was reached. */
export function evaluateArea(counts: AreaCounts, rules: CountingRules = DEFAULT_RULES): AreaEvaluation {
  const rule = { id: rules.id, version: rules.version };
  const h = counts.households;
  const m = counts.members;
  const coverage = ratio('coverage', { label: L.visited, value: h.visited }, { label: L.toVisit, value: h.toVisit }, [
    { label: L.households, value: h.total, sign: 1 },
    { label: L.vacant, value: h.vacant, sign: -1 },
  ], rule);
  const testRate = ratio('testRate', { label: L.tested, value: m.tested }, { label: L.eligible, value: m.eligible }, [
    { label: L.members, value: m.total, sign: 1 },
    { label: L.exempt, value: m.exempt, sign: -1 },
    { label: L.away, value: m.away, sign: -1 },
  ], rule);
  return { coverage, testRate, colour: colourOf(rules.colourMeasure === 'coverage' ? coverage : testRate, rule, rules), epidemicFree: epidemicFree(coverage, testRate, counts, rule, rules) };
}

function colourOf(figure: RatioExplanation, rule: RuleReference, rules: CountingRules): ColourExplanation {
  const band = colourBandOf(figure.value, rules);
  const colour = band?.colour ?? 'grey';
  const range = band === null ? '' : band.below === null ? ` ≥ ${percent(band.from)}` : ` ${percent(band.from)}–${percent(band.below)}`;
  return {
    colour,
    measure: figure.measure,
    value: figure.value,
    band: band === null ? null : { from: band.from, below: band.below },
    rule,
    text: band === null
      ? { zh: `${figure.label.zh}无数据（${figure.denominator.label.zh}为 0），显示灰色`, en: `No ${figure.label.en.toLowerCase()} yet (${figure.denominator.label.en.toLowerCase()} is 0): grey` }
      : { zh: `${figure.label.zh} ${percent(figure.value)} 在${range}区间，显示${COLOUR_NAMES[colour].zh}`, en: `${figure.label.en} ${percent(figure.value)} is in${range}: ${COLOUR_NAMES[colour].en}` },
  };
}

function epidemicFree(coverage: RatioExplanation, testRate: RatioExplanation, counts: AreaCounts, rule: RuleReference, rules: CountingRules): EpidemicFreeExplanation {
  const t = rules.epidemicFree;
  const passed = epidemicFreeChecks(counts, rules);
  const checks: EpidemicFreeCheck[] = [
    { condition: 'coverage', label: L.coverage, actual: coverage.value, threshold: t.minCoverage, passed: passed.coverage },
    { condition: 'testRate', label: L.testRate, actual: testRate.value, threshold: t.minTestRate, passed: passed.testRate },
    { condition: 'redCodes', label: L.redCodes, actual: counts.codes.red, threshold: t.maxRedCodes, passed: passed.redCodes },
  ];
  const value = checks.every((c) => c.passed);
  const failed = checks.filter((c) => !c.passed);
  const show = (c: EpidemicFreeCheck, lang: 'zh' | 'en') =>
    c.condition === 'redCodes'
      ? `${c.label[lang]} ${c.actual} > ${c.threshold}`
      : `${c.label[lang]} ${percent(c.actual)} < ${percent(c.threshold)}`;
  const text = value
    ? { zh: '达到无疫标准', en: 'Epidemic-free: every condition is met' }
    : { zh: `未达无疫标准：${failed.map((c) => show(c, 'zh')).join('；')}`, en: `Not epidemic-free: ${failed.map((c) => show(c, 'en')).join('; ')}` };
  return { value, checks, rule, text };
}
