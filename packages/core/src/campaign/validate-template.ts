import { FieldReader } from '../validation/field-reader.js';
import { ID_RULE } from '../validation/ids.js';
import { invalid, valid, type ValidationIssue, type Validated } from '../validation/validated.js';
import type { LocalizedText } from '../text.js';
import { isCountPath } from './count-path.js';
import type { CampaignTemplate, ChoiceField, DetailField, MarkerField, MeasureSpec, QuickFill, SpecialGroup, TemplateWords } from './template.js';
import { templateFields } from './template.js';

const OUTCOME_KINDS = ['visited', 'no_answer', 'vacant', 'refused'] as const;
const STATUS_KINDS = ['done', 'not_done', 'exempt', 'away'] as const;
const TONES = ['good', 'warning', 'alert', 'neutral'] as const;
const DETAIL_TYPES = ['text', 'date', 'integer'] as const;
const MEASURE_KINDS = ['share', 'markers', 'count', 'specialGroups'] as const;
/** Options are stored as 4-bit codes, special groups as bits of a 31-bit mask (see the engine). */
export const MAX_OPTIONS = 15;
export const MAX_SPECIAL_GROUPS = 31;

/**
 * Checks a campaign template written by an administrator as JSON. Every
 * problem is named by its path (`member.marker.options.2.tone`), all at once.
 */
export function validateTemplate(input: unknown): Validated<CampaignTemplate> {
  const issues: ValidationIssue[] = [];
  const r = new FieldReader(input, '', ['id', 'version', 'name', 'household', 'member', 'population', 'specialGroups', 'words', 'measures', 'quickFills']);
  const id = r.string('id', ID_RULE);
  const version = r.integer('version', { min: 1 });
  const name = localized(r.raw('name'), 'name', issues);
  const h = new FieldReader(r.raw('household'), 'household', ['outcome', 'details']);
  const outcome = choiceField(h.raw('outcome'), 'household.outcome', OUTCOME_KINDS, issues);
  const householdDetails = details(h.raw('details'), 'household.details', issues);
  const m = new FieldReader(r.raw('member'), 'member', ['status', 'marker', 'details']);
  const status = choiceField(m.raw('status'), 'member.status', STATUS_KINDS, issues);
  const marker = m.raw('marker') === null || m.raw('marker') === undefined ? null : markerField(m.raw('marker'), 'member.marker', issues);
  const memberDetails = details(m.raw('details'), 'member.details', issues);
  const p = new FieldReader(r.raw('population'), 'population', ['minAge', 'name']);
  const minAge = p.raw('minAge') === null ? null : p.integer('minAge', { min: 0, max: 120 });
  const populationName = localized(p.raw('name'), 'population.name', issues);
  const groups = list(r.raw('specialGroups'), 'specialGroups', issues, (item, path) => specialGroup(item, path, issues));
  if (groups && groups.length > MAX_SPECIAL_GROUPS) issues.push({ field: 'specialGroups', reason: `must have at most ${MAX_SPECIAL_GROUPS} groups` });
  const wordsValue = words(r.raw('words'), issues);
  issues.push(...r.issues, ...h.issues, ...m.issues, ...p.issues);
  const partial = { household: { outcome, details: householdDetails }, member: { status, marker, details: memberDetails } };
  if (issues.length > 0 || !outcome || !status || marker === undefined || !householdDetails || !memberDetails || !groups) return invalid(issues);
  unique(groups.map((g) => g.id), 'specialGroups', issues);
  const fieldIds = [outcome.id, status.id, ...(marker ? [marker.id] : []), ...householdDetails.map((d) => d.id), ...memberDetails.map((d) => d.id)];
  unique(fieldIds, 'fields (household and member)', issues);
  const shaped = { ...partial, population: { minAge: minAge ?? null, name: populationName! } } as Pick<CampaignTemplate, 'household' | 'member' | 'population'>;
  requiredWhenTargets(shaped, issues);
  const measures = list(r.raw('measures'), 'measures', issues, (item, path) => measure(item, path, shaped, issues));
  if (measures) unique(measures.map((x) => x.id), 'measures', issues);
  if (measures && measures.length === 0) issues.push({ field: 'measures', reason: 'must name at least one measure' });
  const quickFills = r.raw('quickFills') === undefined ? [] : list(r.raw('quickFills'), 'quickFills', issues, (item, path) => quickFill(item, path, shaped, issues));
  if (issues.length > 0 || !measures || !quickFills) return invalid(issues);
  return valid({
    id: id!,
    version: version!,
    name: name!,
    ...shaped,
    specialGroups: groups,
    words: wordsValue!,
    measures,
    quickFills,
  });
}

function localized(raw: unknown, path: string, issues: ValidationIssue[]): LocalizedText | undefined {
  const r = new FieldReader(raw, path, ['zh', 'en']);
  const zh = r.string('zh', { maxLength: 100 });
  const en = r.string('en', { maxLength: 100 });
  issues.push(...r.issues);
  return r.ok ? { zh: zh!, en: en! } : undefined;
}

function list<T>(raw: unknown, path: string, issues: ValidationIssue[], read: (item: unknown, path: string) => T | undefined): T[] | undefined {
  if (!Array.isArray(raw)) {
    issues.push({ field: path, reason: 'must be a list' });
    return undefined;
  }
  const items: T[] = [];
  raw.forEach((item, i) => {
    const value = read(item, `${path}.${i}`);
    if (value !== undefined) items.push(value);
  });
  return items.length === raw.length ? items : undefined;
}

function unique(ids: readonly string[], what: string, issues: ValidationIssue[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) issues.push({ field: what, reason: `repeats the id ${id}` });
    seen.add(id);
  }
}

function choiceField<K extends string>(raw: unknown, path: string, kinds: readonly K[], issues: ValidationIssue[]): ChoiceField<K> | undefined {
  const r = new FieldReader(raw, path, ['id', 'name', 'options']);
  const id = r.string('id', ID_RULE);
  const name = localized(r.raw('name'), `${path}.name`, issues);
  const options = list(r.raw('options'), `${path}.options`, issues, (item, at) => {
    const o = new FieldReader(item, at, ['id', 'name', 'counts']);
    const optionId = o.string('id', ID_RULE);
    const optionName = localized(o.raw('name'), `${at}.name`, issues);
    const counts = o.oneOf('counts', kinds);
    issues.push(...o.issues);
    return o.ok && optionName ? { id: optionId!, name: optionName, counts: counts! } : undefined;
  });
  issues.push(...r.issues);
  if (!r.ok || !name || !options) return undefined;
  optionCount(options.length, `${path}.options`, issues);
  unique(options.map((o) => o.id), `${path}.options`, issues);
  return { id: id!, name, options };
}

function optionCount(count: number, path: string, issues: ValidationIssue[]): void {
  if (count === 0 || count > MAX_OPTIONS) issues.push({ field: path, reason: `must have 1 to ${MAX_OPTIONS} options` });
}

function markerField(raw: unknown, path: string, issues: ValidationIssue[]): MarkerField | undefined {
  const r = new FieldReader(raw, path, ['id', 'name', 'options', 'unrecorded']);
  const id = r.string('id', ID_RULE);
  const name = localized(r.raw('name'), `${path}.name`, issues);
  const options = list(r.raw('options'), `${path}.options`, issues, (item, at) => {
    const o = new FieldReader(item, at, ['id', 'name', 'tone']);
    const optionId = o.string('id', ID_RULE);
    const optionName = localized(o.raw('name'), `${at}.name`, issues);
    const tone = o.oneOf('tone', TONES);
    issues.push(...o.issues);
    return o.ok && optionName ? { id: optionId!, name: optionName, tone: tone! } : undefined;
  });
  const unrecorded = r.raw('unrecorded') === null ? null : r.string('unrecorded', ID_RULE);
  issues.push(...r.issues);
  if (!r.ok || !name || !options) return undefined;
  optionCount(options.length, `${path}.options`, issues);
  unique(options.map((o) => o.id), `${path}.options`, issues);
  if (unrecorded && !options.some((o) => o.id === unrecorded)) issues.push({ field: `${path}.unrecorded`, reason: `must be one of ${options.map((o) => o.id).join(', ')} or null` });
  return { id: id!, name, options, unrecorded: unrecorded ?? null };
}

function details(raw: unknown, path: string, issues: ValidationIssue[]): DetailField[] | undefined {
  if (raw === undefined) return [];
  return list(raw, path, issues, (item, at) => {
    const r = new FieldReader(item, at, ['id', 'name', 'type', 'maxLength', 'min', 'max', 'requiredWhen']);
    const id = r.string('id', ID_RULE);
    const name = localized(r.raw('name'), `${at}.name`, issues);
    const type = r.oneOf('type', DETAIL_TYPES);
    const maxLength = r.integer('maxLength', { optional: true, min: 1, max: 2000 });
    const min = r.integer('min', { optional: true });
    const max = r.integer('max', { optional: true });
    let requiredWhen: DetailField['requiredWhen'];
    if (r.raw('requiredWhen') !== undefined) {
      const w = new FieldReader(r.raw('requiredWhen'), `${at}.requiredWhen`, ['field', 'options']);
      const field = w.string('field', ID_RULE);
      const options = w.raw('options');
      if (!Array.isArray(options) || options.length === 0 || !options.every((o) => typeof o === 'string')) w.fail('options', 'must be a non-empty list of option ids');
      issues.push(...w.issues);
      if (w.ok) requiredWhen = { field: field!, options: options as string[] };
    }
    issues.push(...r.issues);
    if (!r.ok || !name) return undefined;
    return { id: id!, name, type: type!, ...(maxLength === undefined ? {} : { maxLength }), ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(requiredWhen ? { requiredWhen } : {}) };
  });
}

function specialGroup(raw: unknown, path: string, issues: ValidationIssue[]): SpecialGroup | undefined {
  const r = new FieldReader(raw, path, ['id', 'name']);
  const id = r.string('id', ID_RULE);
  const name = localized(r.raw('name'), `${path}.name`, issues);
  issues.push(...r.issues);
  return r.ok && name ? { id: id!, name } : undefined;
}

function words(raw: unknown, issues: ValidationIssue[]): TemplateWords | undefined {
  const keys = ['members', 'done', 'doneRate', 'eligible', 'reached'] as const;
  const r = new FieldReader(raw, 'words', keys);
  issues.push(...r.issues);
  const entries = keys.map((key) => [key, localized(r.raw(key), `words.${key}`, issues)] as const);
  return entries.every(([, value]) => value) ? (Object.fromEntries(entries) as unknown as TemplateWords) : undefined;
}

type Shaped = Pick<CampaignTemplate, 'household' | 'member' | 'population'>;

function requiredWhenTargets(template: Shaped, issues: ValidationIssue[]): void {
  const check = (scope: 'household' | 'member', detailsList: readonly DetailField[], choices: readonly { id: string; options: readonly { id: string }[] }[]) =>
    detailsList.forEach((detail, i) => {
      if (!detail.requiredWhen) return;
      const field = choices.find((c) => c.id === detail.requiredWhen!.field);
      const path = `${scope}.details.${i}.requiredWhen`;
      if (!field) issues.push({ field: `${path}.field`, reason: `must be one of ${choices.map((c) => c.id).join(', ')}` });
      else for (const option of detail.requiredWhen.options) if (!field.options.some((o) => o.id === option)) issues.push({ field: `${path}.options`, reason: `${option} is not an option of ${field.id}` });
    });
  check('household', template.household.details, [template.household.outcome]);
  check('member', template.member.details, [template.member.status, ...(template.member.marker ? [template.member.marker] : [])]);
}

function measure(raw: unknown, path: string, template: Shaped, issues: ValidationIssue[]): MeasureSpec | undefined {
  const r = new FieldReader(raw, path, ['id', 'kind', 'name', 'numerator', 'denominator', 'count']);
  const id = r.string('id', ID_RULE);
  const kind = r.oneOf('kind', MEASURE_KINDS);
  const name = localized(r.raw('name'), `${path}.name`, issues);
  const probe = { ...template, specialGroups: [], words: undefined, measures: [], quickFills: [] } as unknown as CampaignTemplate;
  const countPath = (key: string) => {
    const value = r.string(key);
    if (value !== undefined && !isCountPath(value, probe)) r.fail(key, 'must name a count such as households.visited, members.done or markers.<option id>');
    return value;
  };
  let spec: MeasureSpec | undefined;
  if (kind === 'share') {
    const numerator = countPath('numerator');
    const denominator = countPath('denominator');
    if (r.ok && name) spec = { id: id!, kind, name, numerator: numerator as never, denominator: denominator as never };
  } else if (kind === 'count') {
    const count = countPath('count');
    if (r.ok && name) spec = { id: id!, kind, name, count: count as never };
  } else if (kind === 'markers') {
    if (!template.member.marker) r.fail('kind', 'needs a template with a member marker');
    if (r.ok && name) spec = { id: id!, kind, name };
  } else if (kind !== undefined && r.ok && name) spec = { id: id!, kind, name };
  issues.push(...r.issues);
  return spec;
}

function quickFill(raw: unknown, path: string, template: Shaped, issues: ValidationIssue[]): QuickFill | undefined {
  const r = new FieldReader(raw, path, ['id', 'name', 'household', 'member']);
  const id = r.string('id', ID_RULE);
  const name = localized(r.raw('name'), `${path}.name`, issues);
  const fields = templateFields({ ...template } as CampaignTemplate);
  const values = (key: 'household' | 'member') => {
    const rawValues = r.raw(key);
    if (typeof rawValues !== 'object' || rawValues === null || Array.isArray(rawValues)) {
      r.fail(key, 'must be an object of field id to option id');
      return undefined;
    }
    for (const [fieldId, optionId] of Object.entries(rawValues as Record<string, unknown>)) {
      const field = fields[key].find((f) => f.id === fieldId);
      if (field?.kind !== 'choice') r.fail(`${key}.${fieldId}`, `is not a choice field of a ${key}`);
      else if (typeof optionId !== 'string' || !field.optionIds.includes(optionId)) r.fail(`${key}.${fieldId}`, `must be one of ${field.optionIds.join(', ')}`);
    }
    return rawValues as Record<string, string>;
  };
  const household = values('household');
  const member = values('member');
  issues.push(...r.issues);
  return r.ok && name ? { id: id!, name, household: household!, member: member! } : undefined;
}
