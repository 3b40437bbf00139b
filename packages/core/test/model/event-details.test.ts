import { describe, expect, it } from 'vitest';
import { ELDERLY_VACCINATION_TEMPLATE, NUCLEIC_ACID_TEMPLATE, uuidV7, validateSweepEvent, type CampaignTemplate } from '../../src/index.js';

const at = Date.UTC(2022, 10, 14, 9);
const event = (values: Record<string, unknown>, memberId?: string) => ({ id: uuidV7(at), deviceTime: at, roundId: 'r', workerId: 'w', householdId: 'h', ...(memberId ? { memberId } : {}), values });
const check = (input: unknown, template: CampaignTemplate = NUCLEIC_ACID_TEMPLATE) => validateSweepEvent(input, { templateOfRound: () => template });
const fields = (result: ReturnType<typeof check>) => (result.ok ? [] : result.issues.map((i) => i.field));

describe('validateSweepEvent with detail fields', () => {
  it('accepts a note with the outcome, and a member’s last dose date in the census', () => {
    expect(check(event({ outcome: 'no_answer', note: '敲门无人应答' })).ok).toBe(true);
    expect(check(event({ doses: 'two', last_dose_date: '2022-08-01' }, 'm'), ELDERLY_VACCINATION_TEMPLATE).ok).toBe(true);
  });

  it.each([
    ['a date that is not a day', { doses: 'two', last_dose_date: '2022-02-30' }, 'values.last_dose_date'],
    ['a date in another format', { doses: 'two', last_dose_date: '01/08/2022' }, 'values.last_dose_date'],
    ['a contraindication without its reason', { doses: 'contraindicated' }, 'values.contraindication_reason'],
    ['a reason too long', { doses: 'contraindicated', contraindication_reason: 'x'.repeat(101) }, 'values.contraindication_reason'],
    ['a reason with a bidirectional override', { doses: 'contraindicated', contraindication_reason: '过\u202e敏' }, 'values.contraindication_reason'],
    ['a detail given as a number', { doses: 'two', last_dose_date: 20220801 }, 'values.last_dose_date'],
  ])('refuses %s, naming the field', (_, values, field) => {
    expect(fields(check(event(values, 'm'), ELDERLY_VACCINATION_TEMPLATE))).toContain(field);
  });

  it('refuses a field of the other template', () => {
    expect(fields(check(event({ test: 'tested' }, 'm'), ELDERLY_VACCINATION_TEMPLATE))).toContain('values.test');
  });
});
