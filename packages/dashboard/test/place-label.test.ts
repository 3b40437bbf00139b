import { describe, expect, it } from 'vitest';
import { placeLabel } from '../src/lib/geo/place-label.js';

const east = [
  { id: 'grid-east-2', name: '第2网格' },
  { id: 'community-east', name: '东街社区' },
];
const west = [
  { id: 'grid-west-2', name: '第2网格' },
  { id: 'community-west', name: '西街社区' },
];

describe('placeLabel', () => {
  it("names the grid and the community, outermost first, so two communities' 2-2微网格 read apart in a list", () => {
    expect([placeLabel({ ancestry: east }, null), placeLabel({ ancestry: west }, null)]).toEqual(['东街社区 第2网格', '西街社区 第2网格']);
  });

  it('stops at the area the view is in, whose name the page already shows', () => {
    expect(placeLabel({ ancestry: east }, 'community-east')).toBe('第2网格');
    expect(placeLabel({ ancestry: east }, 'grid-east-2')).toBeNull();
  });

  it('gives nothing for an area without ancestors', () => {
    expect(placeLabel({ ancestry: [] }, null)).toBeNull();
  });
});
