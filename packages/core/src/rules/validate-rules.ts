import { isCountPath } from '../campaign/count-path.js';
import type { CampaignTemplate } from '../campaign/template.js';
import type { LocalizedText } from '../text.js';
import { FieldReader } from '../validation/field-reader.js';
import { ID_RULE } from '../validation/ids.js';
import { invalid, valid, type ValidationIssue, type Validated } from '../validation/validated.js';
import type { ColourBand, CountingRules, GoalCondition } from './counting-rules.js';

const COLOURS = ['red', 'orange', 'yellow', 'green'] as const;

/**
 * Checks rules written by an administrator against the template they are for:
 * the colour measure and every goal condition must name the template's own
 * share measures and counts. Every problem is named by its field.
 */
export function validateRules(input: unknown, template: CampaignTemplate): Validated<CountingRules> {
  const r = new FieldReader(input, '', ['id', 'version', 'templateId', 'name', 'colourMeasure', 'colourBands', 'goal', 'projectionWindowMs']);
  const issues: ValidationIssue[] = [];
  const id = r.string('id', ID_RULE);
  const version = r.integer('version', { min: 1 });
  const templateId = r.string('templateId', ID_RULE);
  if (templateId !== undefined && templateId !== template.id) r.fail('templateId', `must be ${template.id}, the template these rules are checked against`);
  const name = text(r.raw('name'), 'name', issues);
  const shares = template.measures.filter((m) => m.kind === 'share').map((m) => m.id);
  const colourMeasure = r.oneOf('colourMeasure', shares);
  const projectionWindowMs = r.integer('projectionWindowMs', { min: 60_000, max: 24 * 60 * 60 * 1000 });
  const colourBands = readBands(r.raw('colourBands'), issues);
  const goal = r.raw('goal') === null ? null : readGoal(r.raw('goal'), template, shares, issues);
  issues.unshift(...r.issues);
  if (issues.length > 0) return invalid(issues);
  return valid({ id: id!, version: version!, templateId: templateId!, name: name!, colourMeasure: colourMeasure!, colourBands: colourBands!, goal: goal!, projectionWindowMs: projectionWindowMs! });
}

function text(raw: unknown, path: string, issues: ValidationIssue[]): LocalizedText | undefined {
  const r = new FieldReader(raw, path, ['zh', 'en']);
  const zh = r.string('zh', { maxLength: 100 });
  const en = r.string('en', { maxLength: 100 });
  issues.push(...r.issues);
  return r.ok ? { zh: zh!, en: en! } : undefined;
}

function readBands(raw: unknown, issues: ValidationIssue[]): ColourBand[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.push({ field: 'colourBands', reason: 'must be a non-empty list of {colour, from}' });
    return undefined;
  }
  const bands: ColourBand[] = [];
  raw.forEach((item, i) => {
    const b = new FieldReader(item, `colourBands.${i}`, ['colour', 'from']);
    const colour = b.oneOf('colour', COLOURS);
    const from = ratio(b, 'from');
    issues.push(...b.issues);
    if (colour !== undefined && from !== undefined) bands.push({ colour, from });
  });
  if (bands.length !== raw.length) return undefined;
  if (bands[0]!.from !== 0) issues.push({ field: 'colourBands.0.from', reason: 'must be 0, so every ratio has a colour' });
  bands.forEach((band, i) => {
    if (i > 0 && band.from <= bands[i - 1]!.from) issues.push({ field: `colourBands.${i}.from`, reason: 'must be greater than the band before it' });
  });
  return bands;
}

function readGoal(raw: unknown, template: CampaignTemplate, shares: readonly string[], issues: ValidationIssue[]): CountingRules['goal'] | undefined {
  const g = new FieldReader(raw, 'goal', ['name', 'conditions']);
  const name = text(g.raw('name'), 'goal.name', issues);
  const rawConditions = g.raw('conditions');
  issues.push(...g.issues);
  if (!Array.isArray(rawConditions) || rawConditions.length === 0) {
    issues.push({ field: 'goal.conditions', reason: 'must be a non-empty list of {measure, min} or {count, max}' });
    return undefined;
  }
  const conditions: GoalCondition[] = [];
  rawConditions.forEach((item, i) => {
    const path = `goal.conditions.${i}`;
    const isShare = typeof item === 'object' && item !== null && 'measure' in item;
    const c = new FieldReader(item, path, isShare ? ['measure', 'min'] : ['count', 'max']);
    if (isShare) {
      const measure = c.oneOf('measure', shares);
      const min = ratio(c, 'min');
      if (c.ok) conditions.push({ measure: measure!, min: min! });
    } else {
      const count = c.string('count');
      if (count !== undefined && !isCountPath(count, template)) c.fail('count', 'must name a count of the template, e.g. markers.red');
      const max = c.integer('max', { min: 0 });
      if (c.ok) conditions.push({ count: count as Extract<GoalCondition, { count: unknown }>['count'], max: max! });
    }
    issues.push(...c.issues);
  });
  if (!name || conditions.length !== rawConditions.length) return undefined;
  return { name, conditions };
}

function ratio(r: FieldReader, key: string): number | undefined {
  const value = r.raw(key);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    r.fail(key, 'must be a number from 0 to 1');
    return undefined;
  }
  return value;
}
