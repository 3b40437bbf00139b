import { templateFields, type CampaignTemplate, type DetailField } from '../campaign/template.js';
import type { TerritoryLookup } from '../territory/territory.js';
import { FieldReader } from '../validation/field-reader.js';
import { ID_RULE } from '../validation/ids.js';
import { textProblem } from '../validation/text-rule.js';
import { invalid, valid, type Validated } from '../validation/validated.js';
import type { SweepEvent } from './sweep-event.js';
import { UUID_V7_PATTERN } from './uuid-v7.js';

const EARLIEST_DEVICE_TIME = Date.UTC(2000, 0, 1);
const ALLOWED_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export interface SweepEventContext {
  /** The template of each round that is open for events. */
  templateOfRound(roundId: string): CampaignTemplate | undefined;
  /** When given, households and members are checked to exist and belong together. */
  readonly territory?: TerritoryLookup;
  /** When given, device times more than a day ahead of it are refused. */
  readonly now?: number;
}

const EVENT_KEYS = ['id', 'deviceTime', 'roundId', 'workerId', 'householdId', 'memberId', 'values'] as const;

/** Checks a sweep event against its round's template and, optionally, the roster. */
export function validateSweepEvent(input: unknown, context: SweepEventContext, path = ''): Validated<SweepEvent> {
  const r = new FieldReader(input, path, EVENT_KEYS);
  const id = r.string('id', { pattern: UUID_V7_PATTERN, patternReason: 'must be a lowercase UUID v7' });
  const latest = context.now === undefined ? Number.MAX_SAFE_INTEGER : context.now + ALLOWED_CLOCK_SKEW_MS;
  const deviceTime = r.integer('deviceTime', { min: EARLIEST_DEVICE_TIME, max: latest });
  const roundId = r.string('roundId', ID_RULE);
  const workerId = r.string('workerId', ID_RULE);
  const householdId = r.string('householdId', ID_RULE);
  const memberId = r.string('memberId', { ...ID_RULE, optional: true });

  const template = roundId === undefined ? undefined : context.templateOfRound(roundId);
  if (roundId !== undefined && template === undefined) r.fail('roundId', `no open round has id ${roundId}`);

  const territory = context.territory;
  if (territory && householdId !== undefined && !territory.hasHousehold(householdId)) {
    r.fail('householdId', `no household has id ${householdId}`);
  }
  if (territory && memberId !== undefined) {
    // One answer whether the member does not exist or lives elsewhere: it must not say where (it may be out of the caller's scope).
    const owner = territory.memberHousehold(memberId);
    if (owner === undefined || (householdId !== undefined && owner !== householdId)) {
      r.fail('memberId', householdId === undefined ? `no member has id ${memberId}` : `household ${householdId} has no member with id ${memberId}`);
    }
  }

  const values = readValues(r, template, memberId !== undefined || r.has('memberId'));
  if (!r.ok) return invalid(r.issues);
  return valid({
    id: id!,
    deviceTime: deviceTime!,
    roundId: roundId!,
    workerId: workerId!,
    householdId: householdId!,
    ...(memberId === undefined ? {} : { memberId }),
    values: values!,
  });
}

function readValues(
  r: FieldReader,
  template: CampaignTemplate | undefined,
  aboutMember: boolean,
): Record<string, string> | undefined {
  const raw = r.raw('values');
  if (raw === undefined) {
    r.fail('values', 'is required');
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    r.fail('values', 'must be an object of field id to option id');
    return undefined;
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length === 0) {
    r.fail('values', 'must record at least one field');
    return undefined;
  }
  if (!template) return undefined;
  const fields = templateFields(template);
  const allowed = aboutMember ? fields.member : fields.household;
  const values: Record<string, string> = {};
  for (const [key, value] of entries) {
    const field = allowed.find((f) => f.id === key);
    if (!field) {
      const scope = aboutMember ? 'a member' : 'a household';
      r.fail(`values.${key}`, `is not a field of ${scope} in template ${template.id} (fields: ${allowed.map((f) => f.id).join(', ')})`);
      continue;
    }
    const problem = typeof value !== 'string' ? 'must be a string' : field.kind === 'choice' ? (field.optionIds.includes(value) ? null : `must be one of ${field.optionIds.join(', ')}`) : detailProblem(field.detail, value);
    if (problem !== null) r.fail(`values.${key}`, problem);
    else values[key] = value as string;
  }
  for (const field of allowed) {
    const when = field.kind === 'detail' ? field.detail.requiredWhen : undefined;
    if (when && when.options.includes(values[when.field] ?? '') && values[field.id] === undefined) {
      r.fail(`values.${field.id}`, `is required when ${when.field} is ${values[when.field]}`);
    }
  }
  return values;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a detail value does not fit its field, or null when it does. */
function detailProblem(field: DetailField, value: string): string | null {
  if (field.type === 'text') {
    if (value.trim() === '') return 'must not be empty';
    const maxLength = field.maxLength ?? 200;
    if (value.length > maxLength) return `must be at most ${maxLength} characters`;
    return textProblem(value);
  }
  if (field.type === 'date') {
    const match = DATE.exec(value);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    return date && date.toISOString().slice(0, 10) === value ? null : 'must be a date as YYYY-MM-DD';
  }
  if (!/^-?\d{1,9}$/.test(value)) return 'must be a whole number';
  const number = Number(value);
  if (field.min !== undefined && number < field.min) return `must be at least ${field.min}`;
  if (field.max !== undefined && number > field.max) return `must be at most ${field.max}`;
  return null;
}
