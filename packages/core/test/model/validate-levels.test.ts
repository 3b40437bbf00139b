import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, validateLevels } from '../../src/index.js';

describe('validateLevels', () => {
  it('accepts the default levels', () => {
    expect(validateLevels(DEFAULT_LEVELS)).toEqual({ ok: true, value: DEFAULT_LEVELS });
  });

  it('lets a level be renamed while areas use it', () => {
    const renamed = DEFAULT_LEVELS.map((l) => (l.id === 'grid' ? { ...l, name: { zh: '片区', en: 'Zone' } } : l));
    expect(validateLevels(renamed, DEFAULT_LEVELS.map((l) => l.id)).ok).toBe(true);
  });

  it.each([
    ['a level taken out from under stored areas', DEFAULT_LEVELS.filter((l) => l.id !== 'street'), 'levels.2.id'],
    ['a repeated id', [...DEFAULT_LEVELS, DEFAULT_LEVELS[0]], 'levels.6.id'],
    ['a level without a name', [{ id: 'city' }], 'levels.0.name'],
  ])('refuses %s, naming the field', (_, levels, field) => {
    const result = validateLevels(levels, DEFAULT_LEVELS.map((l) => l.id));
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toContain(field);
  });

  it('refuses a level added below stored areas', () => {
    const result = validateLevels([...DEFAULT_LEVELS, { id: 'building', name: { zh: '楼', en: 'Building' } }], DEFAULT_LEVELS.map((l) => l.id));
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toContain('levels.6');
  });

  it('refuses an empty list', () => {
    expect(validateLevels([]).ok).toBe(false);
  });
});
