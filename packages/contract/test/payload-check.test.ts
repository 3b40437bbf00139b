import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES, compileCheck, ID_REASON, issuesOf, NewUserSchema } from '../src/index.js';

describe('compiled payload checks', () => {
  it('names a missing field, an unknown field and a wrong type, each with its path', () => {
    const check = compileCheck(NewUserSchema);
    const result = check({ username: 'li', displayName: 'Li', role: 'worker', scope: { kind: 'everything' }, colour: 'red' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { field: 'password', reason: 'is required' },
        { field: 'colour', reason: 'is not a known field' },
      ]),
    );
  });

  it('says what an id must be in words, not as a regular expression', () => {
    const check = compileCheck(CLIENT_MESSAGES['activity.subscribe:v1'].payload, { root: 'roundId' });
    expect(check('round one')).toEqual({ ok: false, issues: [{ field: 'roundId', reason: ID_REASON }] });
    expect(check('r1')).toEqual({ ok: true, value: 'r1' });
  });

  it('names the items of a list under the root it is given', () => {
    const check = compileCheck(CLIENT_MESSAGES['events.submit:v1'].payload, { root: 'events' });
    expect(check('hello')).toMatchObject({ ok: false, issues: [{ field: 'events' }] });
    expect(check([])).toMatchObject({ ok: false, issues: [{ field: 'events' }] });
    expect(check([{}, 3])).toMatchObject({ ok: false, issues: [{ field: 'events.1' }] });
  });

  it('refuses a subscription with a field it does not know or a resume point that is not one', () => {
    const check = compileCheck(CLIENT_MESSAGES['counts.subscribe:v3'].payload);
    expect(check({ roundId: 'r1', areaId: 'c', depth: 'grid' }).ok).toBe(true);
    expect(check({ roundId: 'r1', areaId: 'c', depth: 'grid', resume: { streamId: 's', seq: 1.5 } })).toMatchObject({
      ok: false,
      issues: [{ field: 'resume.seq' }],
    });
    expect(check({ roundId: 'r1', areaId: 'c', depth: 'grid', colour: 'red' })).toMatchObject({ ok: false, issues: [{ field: 'colour' }] });
  });

  it('answers only the first fault when asked to, as Fastify does over HTTP', () => {
    const check = compileCheck(NewUserSchema, { firstIssueOnly: true });
    const result = check({ username: 'li li', displayName: '', role: 'king' });
    expect(result.ok === false && result.issues).toHaveLength(1);
  });

  it("reads Ajv's names for a missing and an unknown property, and its words, as it reads TypeBox's", () => {
    // Ajv (Fastify's validator) names one property per complaint, TypeBox a list; Ajv writes "must NOT have".
    const fromAjv = issuesOf(
      [
        { instancePath: '/scope', keyword: 'required', params: { missingProperty: 'kind' }, message: "must have required property 'kind'" },
        { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'colour' }, message: 'must NOT have additional properties' },
        { instancePath: '/events', keyword: 'minItems', params: { limit: 1 }, message: 'must NOT have fewer than 1 items' },
      ],
      '',
      'body',
    );
    expect(fromAjv).toEqual([
      { field: 'scope.kind', reason: 'is required' },
      { field: 'colour', reason: 'is not a known field' },
      { field: 'events', reason: 'must have at least 1 items' },
    ]);
    expect(issuesOf([{ instancePath: '', keyword: 'type', params: { type: 'object' } }], '', 'body')).toEqual([{ field: 'body', reason: 'must be object' }]);
  });
});
