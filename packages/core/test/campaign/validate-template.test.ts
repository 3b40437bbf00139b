import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, NUCLEIC_ACID_TEMPLATE, validateTemplate } from '../../src/index.js';

type Path = readonly (string | number)[];
const DELETE = Symbol('delete');

/** A deep copy of the test template with one value at `path` replaced (or deleted), so each case breaks one thing. */
function changed(path: Path, value: unknown): unknown {
  const template = JSON.parse(JSON.stringify(NUCLEIC_ACID_TEMPLATE)) as Record<string, unknown>;
  let at = template;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return template;
}

const option = (i: number) => ({ id: `o${i}`, name: { zh: 'x', en: 'x' }, counts: 'visited' });

describe('validateTemplate', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('accepts the built-in template %s as it is', (_, template) => {
    expect(validateTemplate(JSON.parse(JSON.stringify(template)))).toEqual({ ok: true, value: template });
  });

  it.each([
    ['a marker option with an unknown tone', ['member', 'marker', 'options', 2, 'tone'], 'purple', 'member.marker.options.2.tone'],
    ['an outcome counted as something the engine does not know', ['household', 'outcome', 'options', 0, 'counts'], 'seen', 'household.outcome.options.0.counts'],
    ['a measure of a count the template does not have', ['measures', 0, 'numerator'], 'markers.purple', 'measures.0.numerator'],
    ['a measure of an unknown kind', ['measures', 1, 'kind'], 'pie', 'measures.1.kind'],
    ['a detail required by an option that does not exist', ['member', 'details', 0, 'requiredWhen', 'options'], ['asleep'], 'member.details.0.requiredWhen.options'],
    ['an unrecorded option that is not an option', ['member', 'marker', 'unrecorded'], 'blue', 'member.marker.unrecorded'],
    ['a quick fill with a value the field does not offer', ['quickFills', 0, 'member', 'test'], 'maybe', 'quickFills.0.member.test'],
    ['a name without its English', ['name', 'en'], DELETE, 'name.en'],
    ['a word with a NUL', ['words', 'done', 'zh'], '已\u0000检', 'words.done.zh'],
    ['an id with a space', ['id'], 'nucleic acid', 'id'],
    ['a version below 1', ['version'], 0, 'version'],
    ['an unknown field', ['colour'], 'red', 'colour'],
    ['an age limit above 120', ['population', 'minAge'], 200, 'population.minAge'],
    ['sixteen outcome options', ['household', 'outcome', 'options'], Array.from({ length: 16 }, (_, i) => option(i)), 'household.outcome.options'],
    ['a repeated special group', ['specialGroups', 7], NUCLEIC_ACID_TEMPLATE.specialGroups[0], 'specialGroups'],
    ['a detail named like a choice field', ['member', 'details', 0, 'id'], 'code', 'fields (household and member)'],
  ] as const)('refuses %s, naming the field', (_, path, value, field) => {
    const result = validateTemplate(changed(path, value));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });

  it('reports every problem at once', () => {
    const template = changed(['version'], 0) as { member: { marker: { options: { tone: string }[] } } };
    template.member.marker.options[0]!.tone = 'loud';
    const result = validateTemplate(template);
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['version', 'member.marker.options.0.tone']));
  });
});
