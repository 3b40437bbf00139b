import { FieldReader } from '../validation/field-reader.js';
import { ID_RULE } from '../validation/ids.js';
import { invalid, valid, type ValidationIssue, type Validated } from '../validation/validated.js';
import type { ColourBand, CountingRules } from './counting-rules.js';

const COLOURS = ['red', 'orange', 'yellow', 'green'] as const;

/** Checks rules from configuration or an admin screen; every problem is named by its field. */
export function validateRules(input: unknown): Validated<CountingRules> {
  const r = new FieldReader(input, '', ['id', 'version', 'colourMeasure', 'colourBands', 'epidemicFree', 'projectionWindowMs']);
  const id = r.string('id', ID_RULE);
  const version = r.integer('version', { min: 1 });
  const colourMeasure = r.oneOf('colourMeasure', ['coverage', 'testRate'] as const);
  const projectionWindowMs = r.integer('projectionWindowMs', { min: 60_000 });
  const issues: ValidationIssue[] = [...r.issues];
  const colourBands = readBands(r.raw('colourBands'), issues);
  const epidemicFree = readEpidemicFree(r.raw('epidemicFree'), issues);
  if (issues.length > 0) return invalid(issues);
  return valid({ id: id!, version: version!, colourMeasure: colourMeasure!, colourBands: colourBands!, epidemicFree: epidemicFree!, projectionWindowMs: projectionWindowMs! });
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

function readEpidemicFree(raw: unknown, issues: ValidationIssue[]): CountingRules['epidemicFree'] | undefined {
  const e = new FieldReader(raw, 'epidemicFree', ['minCoverage', 'minTestRate', 'maxRedCodes']);
  const minCoverage = ratio(e, 'minCoverage');
  const minTestRate = ratio(e, 'minTestRate');
  const maxRedCodes = e.integer('maxRedCodes', { min: 0 });
  issues.push(...e.issues);
  if (!e.ok) return undefined;
  return { minCoverage: minCoverage!, minTestRate: minTestRate!, maxRedCodes: maxRedCodes! };
}

function ratio(r: FieldReader, key: string): number | undefined {
  const value = r.raw(key);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    r.fail(key, 'must be a number from 0 to 1');
    return undefined;
  }
  return value;
}
