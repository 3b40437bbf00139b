import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveCountsView, packCounts, type AreaCounts, type CountsDeltaV3, type CountsSnapshotV3 } from '../../src/index.js';

function countsWithVisited(visited: number): AreaCounts {
  return {
    households: { total: 100, toVisit: 100, visited, noAnswer: 0, refused: 0, vacant: 0 },
    members: { total: 0, eligible: 0, done: 0, exempt: 0, away: 0, reached: 0 },
    markers: { green: 0, yellow: 0, red: 0, unknown: 0 },
    specialGroups: { elderly: { total: 3, notVisited: 1, notDone: visited } },
  };
}

const snapshot = (seq: number, areas: Record<string, number>, streamId = 's1'): CountsSnapshotV3 => ({
  subscriptionId: 'sub',
  streamId,
  seq,
  roundId: 'r',
  counts: packCounts(Object.entries(areas).map(([id, v]) => [id, countsWithVisited(v)] as const)),
  serverTime: 0,
});

const delta = (fromSeq: number, seq: number, areas: Record<string, number>, streamId = 's1'): CountsDeltaV3 => ({
  subscriptionId: 'sub',
  streamId,
  fromSeq,
  seq,
  counts: packCounts(Object.entries(areas).map(([id, v]) => [id, countsWithVisited(v)] as const)),
  serverTime: 0,
});

const visited = (view: LiveCountsView, areaId: string) => view.counts(areaId)?.households.visited;

describe('LiveCountsView', () => {
  it('applies a delta that follows its snapshot', () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot(5, { a: 1, b: 2 }));
    expect(view.applyDelta(delta(5, 6, { a: 3 }))).toBe('applied');
    expect([visited(view, 'a'), visited(view, 'b')]).toEqual([3, 2]);
    expect(view.resumePoint()).toEqual({ streamId: 's1', seq: 6 });
  });

  it('reports a gap and keeps its numbers when a delta was missed', () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot(5, { a: 1 }));
    expect(view.applyDelta(delta(6, 7, { a: 9 }))).toBe('gap');
    expect(visited(view, 'a')).toBe(1);
  });

  it('ignores a delta it has already applied', () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot(5, { a: 1 }));
    view.applyDelta(delta(5, 6, { a: 2 }));
    expect(view.applyDelta(delta(5, 6, { a: 2 }))).toBe('repeat');
    expect(view.resumePoint()?.seq).toBe(6);
  });

  it('treats a delta from another stream (another server process) as a gap', () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot(5, { a: 1 }));
    expect(view.applyDelta(delta(5, 6, { a: 2 }, 's2'))).toBe('gap');
  });

  it('reports a gap for any delta before the first snapshot', () => {
    expect(new LiveCountsView().applyDelta(delta(0, 1, { a: 1 }))).toBe('gap');
  });

  it('treats a delta whose numbers do not fit its areas as a gap and keeps its own numbers', () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot(5, { a: 1 }));
    const good = delta(5, 6, { a: 2 });
    const short = { ...good, counts: { ...good.counts, values: good.counts.values.slice(1) } };
    expect(view.applyDelta(short)).toBe('gap');
    expect(visited(view, 'a')).toBe(1);
  });

  it('treats a delta laid out with other special groups than its snapshot as a gap', () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot(5, { a: 1 }));
    const good = delta(5, 6, { a: 2 });
    expect(view.applyDelta({ ...good, counts: { ...good.counts, specialGroupIds: ['infant'] } })).toBe('gap');
    expect(visited(view, 'a')).toBe(1);
  });

  it('refuses a snapshot whose numbers do not fit its areas, keeping what it had', () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot(5, { a: 1 }));
    const bad = snapshot(9, { a: 7, b: 8 });
    expect(view.applySnapshot({ ...bad, counts: { ...bad.counts, areaIds: ['a'] } })).toBe(false);
    expect([visited(view, 'a'), view.size, view.resumePoint()?.seq]).toEqual([1, 1, 5]);
  });

  it('hands out the same counts object for an area until a delta changes it', () => {
    const view = new LiveCountsView();
    view.applySnapshot(snapshot(5, { a: 1, b: 2 }));
    const [a, b] = [view.counts('a'), view.counts('b')];
    view.applyDelta(delta(5, 6, { a: 3 }));
    expect(view.counts('b')).toBe(b);
    expect(view.counts('a')).not.toBe(a);
    expect(view.counts('a')).toEqual(countsWithVisited(3));
    expect(Object.fromEntries(view.entries())).toEqual({ a: countsWithVisited(3), b: countsWithVisited(2) });
  });

  it('never holds numbers the server never had, whatever is lost, repeated or reordered', () => {
    // The server's history: state after each seq. Deliveries are a random
    // mix of its deltas; after each, the view must equal the server at the
    // view's own seq — behind is allowed, wrong is not.
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.nat(100), { minKeys: 1 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(19), { maxLength: 60 }),
        (changes, deliveries) => {
          const history: Record<string, number>[] = [{ a: 0, b: 0, c: 0 }];
          for (const change of changes) history.push({ ...history[history.length - 1], ...change });
          const view = new LiveCountsView();
          view.applySnapshot(snapshot(0, history[0]!));
          for (const index of deliveries) {
            const seq = (index % changes.length) + 1;
            view.applyDelta(delta(seq - 1, seq, changes[seq - 1]!));
            const at = view.resumePoint()!.seq;
            for (const area of ['a', 'b', 'c']) expect(visited(view, area)).toBe(history[at]![area]);
          }
        },
      ),
    );
  });
});
