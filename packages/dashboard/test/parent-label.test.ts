import { describe, expect, it } from 'vitest';
import { parentLabel } from '../src/lib/geo/parent-label.js';

describe('parentLabel', () => {
  it("gives the parent's name, so two communities' 2-2微网格 read apart in a list", () => {
    const east = parentLabel({ parentId: 'community-east', parentName: '东街社区' }, null);
    const west = parentLabel({ parentId: 'community-west', parentName: '西街社区' }, null);
    expect([east, west]).toEqual(['东街社区', '西街社区']);
  });

  it('gives nothing when the parent is the area the view is in, whose name the page already shows', () => {
    expect(parentLabel({ parentId: 'community-east', parentName: '东街社区' }, 'community-east')).toBeNull();
  });

  it('gives nothing for an area without a parent, or when the server did not name the parent', () => {
    expect(parentLabel({ parentId: null, parentName: null }, null)).toBeNull();
    expect(parentLabel({ parentId: 'community-east', parentName: null }, null)).toBeNull();
  });
});
