import { describe, expect, it } from 'vitest';
import { AreaColouring, type ColourTarget } from '../src/lib/map/area-colouring.js';

/** A map stand-in that keeps what it was sent, in order: the visible effect of colouring. */
class SentColours implements ColourTarget {
  readonly sent: [string, string | null][] = [];
  setColour(id: string, colour: string | null): void {
    this.sent.push([id, colour]);
  }
}

function setUp(areas: string[]) {
  const colours = new Map<string, string | null>(areas.map((id) => [id, '#grey']));
  const asked: string[] = [];
  const colouring = new AreaColouring((id) => {
    asked.push(id);
    return colours.get(id) ?? null;
  });
  const map = new SentColours();
  colouring.show(map, areas);
  map.sent.length = 0;
  asked.length = 0;
  return { colours, asked, colouring, map };
}

describe('AreaColouring', () => {
  it('sends every area of a new view its colour once', () => {
    const colouring = new AreaColouring(() => '#red');
    const map = new SentColours();
    colouring.show(map, ['a', 'b']);
    expect(map.sent).toEqual([['a', '#red'], ['b', '#red']]);
  });

  it('works out again only the areas a delta names, and sends those whose colour moved', () => {
    const areas = Array.from({ length: 1_000 }, (_, i) => `mg-${i}`);
    const { colours, asked, colouring, map } = setUp(areas);
    colours.set('mg-3', '#green');
    colours.set('mg-7', '#green');
    expect(colouring.recolour(['mg-3', 'mg-5'])).toBe(1);
    expect(asked).toEqual(['mg-3', 'mg-5']);
    expect(map.sent).toEqual([['mg-3', '#green']]);
  });

  it('skips the areas a delta names that the map does not show (the subtree root, a level above)', () => {
    const { asked, colouring, map } = setUp(['mg-1', 'mg-2']);
    colouring.recolour(['grid-1', 'city-1']);
    expect(asked).toEqual([]);
    expect(map.sent).toEqual([]);
  });

  it('compares every area shown after a snapshot or another measure, sending only the ones that moved', () => {
    const { colours, asked, colouring, map } = setUp(['a', 'b', 'c']);
    colours.set('b', null);
    colouring.recolour('all');
    expect(asked).toEqual(['a', 'b', 'c']);
    expect(map.sent).toEqual([['b', null]]);
  });

  it('sends nothing once the map is gone, and everything again to the next one', () => {
    const { colouring, map } = setUp(['a']);
    colouring.detach();
    expect(colouring.recolour('all')).toBe(0);
    expect(map.sent).toEqual([]);
    const next = new SentColours();
    colouring.show(next, ['a']);
    expect(next.sent).toEqual([['a', '#grey']]);
  });
});
