import { CountingEngine, unpackCounts, type AreaCounts, type CountsDeltaV3, type CountsSnapshotV3 } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import { AncestryCache, AreaScope } from '../../src/live/area-scope.js';
import { CountsStream, type SubscriberChannel } from '../../src/live/counts-stream.js';
import { RosterTerritory } from '../../src/roster-territory.js';
import { smallTerritory, visitEvent } from '../support/small-territory.js';

/** The real engine and roster over the small city, and a stream reading from the engine. */
function setUp(historyTicks = 600, clock = { now: 0 }) {
  const records = smallTerritory();
  const engine = new CountingEngine();
  const territory = new RosterTerritory(engine);
  records.areas.forEach((area) => territory.addArea(area));
  records.buildings.forEach((building) => territory.addBuilding(building));
  records.households.forEach((household) => engine.addHousehold(household));
  records.members.forEach((member) => engine.addMember(member));
  engine.openRound(records.round);
  engine.takeChangedAreas();
  const stream = new CountsStream(engine, historyTicks, undefined, 1000, () => clock.now);
  const ancestry = new AncestryCache(territory);
  const scope = (areaId: string, depth: string) => new AreaScope(territory, ancestry, areaId, depth);
  const visit = (householdId: string) => {
    engine.apply(visitEvent(householdId));
    stream.noteChanges(engine.takeChangedAreas());
  };
  return { engine, stream, scope, visit };
}

/** A message's counts by area id, unpacked as a client would. */
const areas = (message: CountsDeltaV3 | CountsSnapshotV3): Record<string, AreaCounts> => Object.fromEntries(unpackCounts(message.counts));

/** A channel that records what it is sent and can be made to report a backed-up connection. */
function recordingChannel() {
  const sent: CountsDeltaV3[] = [];
  const channel: SubscriberChannel & { sent: CountsDeltaV3[]; open: boolean } = {
    sent,
    open: true,
    send: (message) => sent.push(message),
    canSend: () => channel.open,
  };
  return channel;
}

describe('CountsStream', () => {
  it('frees a group its last subscriber left once the grace has passed, and a wall back within the grace resumes with what it missed', () => {
    const clock = { now: 0 };
    const { stream, scope, visit } = setUp(600, clock);
    const wall = recordingChannel();
    const first = stream.subscribe('r1', scope('c', 'microgrid'), wall);
    first.unsubscribe();
    visit('mg1-b1-1-101');
    clock.now = 999;
    stream.tick();
    expect(stream.groupCount).toBe(1);
    const resumed = stream.subscribe('r1', scope('c', 'microgrid'), wall, { streamId: (first.first.message as CountsSnapshotV3).streamId, seq: 0 });
    expect(resumed.first.kind).toBe('delta');
    expect(Object.keys(areas(resumed.first.message))).toContain('mg1');
    clock.now = 1500;
    resumed.unsubscribe();
    clock.now = 2000;
    stream.tick();
    expect(stream.groupCount).toBe(1);
    clock.now = 3000;
    stream.tick();
    expect(stream.groupCount).toBe(0);
    const after = stream.subscribe('r1', scope('c', 'microgrid'), wall, { streamId: (first.first.message as CountsSnapshotV3).streamId, seq: 1 });
    expect(after.first.kind).toBe('snapshot');
  });

  it('packs one snapshot for everyone who subscribes to a subtree before it changes', () => {
    const { stream, scope } = setUp();
    const first = stream.subscribe('r1', scope('c', 'microgrid'), recordingChannel()).first;
    const second = stream.subscribe('r1', scope('c', 'microgrid'), recordingChannel()).first;
    expect(first.kind === 'snapshot' && second.kind === 'snapshot' && first.message.counts === second.message.counts).toBe(true);
  });

  it('sends a quiet subscriber an empty delta at its seq every heartbeat, and a busy one nothing but its deltas', () => {
    const { stream, scope, visit } = setUp();
    const quiet = recordingChannel();
    const busy = recordingChannel();
    stream.subscribe('r1', scope('mg2', 'microgrid'), quiet);
    stream.subscribe('r1', scope('mg1', 'microgrid'), busy);
    const mg1Households = ['mg1-b1-1-101', 'mg1-b1-1-201', 'mg1-b1-2-101', 'mg1-b1-2-201', 'mg1-b2-1-101', 'mg1-b2-1-201'];
    mg1Households.forEach((household, i) => {
      visit(household);
      stream.tick(i % 3 === 2);
    });
    // Ticks 3 and 6 are heartbeats: the quiet one hears an empty delta that leaves its seq where it was.
    expect(quiet.sent.map((message) => [message.fromSeq, message.seq, message.counts.areaIds.length])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(busy.sent).toHaveLength(6);
    expect(busy.sent.every((message) => message.seq === message.fromSeq + 1 && message.counts.areaIds.length > 0)).toBe(true);
  });

  it('sends no heartbeat to a subscriber whose connection is backed up', () => {
    const { stream, scope } = setUp();
    const channel = recordingChannel();
    stream.subscribe('r1', scope('g', 'microgrid'), channel);
    channel.open = false;
    stream.tick(true);
    expect(channel.sent).toEqual([]);
  });

  it('sends one delta per tick holding only the changed areas of the scope', () => {
    const { stream, scope, visit } = setUp();
    const channel = recordingChannel();
    stream.subscribe('r1', scope('g', 'microgrid'), channel);
    visit('mg1-b1-1-101');
    visit('mg1-b1-1-201');
    stream.tick();
    expect(channel.sent).toHaveLength(1);
    expect([...channel.sent[0]!.counts.areaIds].sort()).toEqual(['g', 'mg1']);
    expect(areas(channel.sent[0]!).mg1!.households.visited).toBe(2);
  });

  it('sends nothing to a subscriber whose subtree did not change', () => {
    const { stream, scope, visit } = setUp();
    const channel = recordingChannel();
    stream.subscribe('r1', scope('mg2', 'microgrid'), channel);
    visit('mg1-b1-1-101');
    stream.tick();
    expect(channel.sent).toHaveLength(0);
  });

  it('merges the deltas of a backed-up subscriber into one, so nothing queues up', () => {
    const { stream, scope, visit } = setUp();
    const channel = recordingChannel();
    const { first } = stream.subscribe('r1', scope('c', 'microgrid'), channel);
    channel.open = false;
    for (const household of ['mg1-b1-1-101', 'mg2-b1-1-101', 'mg1-b2-1-101']) {
      visit(household);
      stream.tick();
    }
    expect(channel.sent).toHaveLength(0);
    channel.open = true;
    stream.tick();
    expect(channel.sent).toHaveLength(1);
    const [merged] = channel.sent;
    expect(merged!.fromSeq).toBe(first.message.seq);
    expect(merged!.seq).toBe(first.message.seq + 3);
    expect(areas(merged!).c!.households.visited).toBe(3);
    expect(merged!.counts.areaIds).toHaveLength(7);
  });

  it('gives a resuming subscriber only what changed since its seq', () => {
    const { stream, scope, visit } = setUp();
    const { first } = stream.subscribe('r1', scope('c', 'microgrid'), recordingChannel());
    visit('mg2-b1-1-101');
    stream.tick();
    const resumed = stream.subscribe('r1', scope('c', 'microgrid'), recordingChannel(), { streamId: first.message.streamId, seq: first.message.seq });
    expect(resumed.first.kind).toBe('delta');
    expect([...resumed.first.message.counts.areaIds].sort()).toEqual(['c', 'cm', 'd', 'g', 'mg2', 's']);
  });

  it('gives a fresh snapshot to a subscriber whose missed ticks are no longer kept (a long cut)', () => {
    const { stream, scope, visit } = setUp(2);
    const { first } = stream.subscribe('r1', scope('c', 'microgrid'), recordingChannel());
    for (const household of ['mg1-b1-1-101', 'mg1-b1-1-201', 'mg1-b1-1-301', 'mg2-b1-1-101']) {
      visit(household);
      stream.tick();
    }
    const resumed = stream.subscribe('r1', scope('c', 'microgrid'), recordingChannel(), { streamId: first.message.streamId, seq: first.message.seq });
    expect(resumed.first.kind).toBe('snapshot');
    expect(areas(resumed.first.message).c!.households.visited).toBe(4);
  });

  it('gives a fresh snapshot to a subscriber coming from another stream (a restart or another process)', () => {
    const { stream, scope } = setUp();
    const resumed = stream.subscribe('r1', scope('c', 'grid'), recordingChannel(), { streamId: 'elsewhere', seq: 3 });
    expect(resumed.first.kind).toBe('snapshot');
    expect(resumed.first.message.counts.areaIds).toEqual(['c', 'd', 's', 'cm', 'g']);
  });

  it('builds one delta per tick for all the subscribers of a subtree who are in step', () => {
    const records = setUp();
    const fanouts: number[] = [];
    const stream = new CountsStream(records.engine, 600, (channels, message) => {
      fanouts.push(channels.length);
      channels.forEach((channel) => channel.send(message));
    });
    const channels = Array.from({ length: 5 }, () => recordingChannel());
    for (const channel of channels) stream.subscribe('r1', records.scope('c', 'grid'), channel);
    channels[4]!.open = false;
    records.engine.apply(visitEvent('mg1-b1-1-101'));
    stream.noteChanges(records.engine.takeChangedAreas());
    stream.tick();
    expect(fanouts).toEqual([4]);
    expect(channels.slice(0, 4).every((channel) => channel.sent[0] === channels[0]!.sent[0])).toBe(true);
  });

  it('reports the bytes a tick handed out as the encoded size of the delta times the walls that took it, and nothing for a quiet tick', () => {
    const { stream, scope, visit } = setUp();
    const walls = Array.from({ length: 3 }, () => recordingChannel());
    for (const wall of walls) stream.subscribe('r1', scope('c', 'grid'), wall);
    expect(stream.tick()).toBe(0);
    visit('mg1-b1-1-101');
    const bytes = stream.tick();
    const encoded = JSON.stringify(['counts.delta:v3', walls[0]!.sent[0]]).length;
    // An estimate, not an encoding: within a tenth of what socket.io would write.
    expect(Math.abs(bytes / 3 - encoded)).toBeLessThan(encoded / 10);
  });

  it('keeps memory bounded: 1 000 backed-up subscribers hold at most their scope each', () => {
    const { stream, scope, visit } = setUp();
    const shared = scope('c', 'microgrid');
    const channels = Array.from({ length: 1000 }, () => recordingChannel());
    for (const channel of channels) {
      stream.subscribe('r1', shared, channel);
      channel.open = false;
    }
    for (let i = 0; i < 50; i++) {
      visit(`mg${1 + (i % 2)}-b1-1-101`);
      stream.tick();
    }
    for (const channel of channels) channel.open = true;
    stream.tick();
    expect(channels.every((channel) => channel.sent.length === 1 && channel.sent[0]!.counts.areaIds.length <= 7)).toBe(true);
  });
});
