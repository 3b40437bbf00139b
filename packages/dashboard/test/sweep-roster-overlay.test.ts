import { uuidV7 } from '@gridsweep/core';
import { describe, expect, it } from 'vitest';
import type { RosterChange } from '../src/lib/sweep/field-db.js';
import { withRosterChanges } from '../src/lib/sweep/roster-overlay.js';
import type { DoorListHousehold } from '../src/lib/sweep/sweep-api.js';

const member = (id: string) => ({ id, name: '王*国', phone: null, birthYear: 1948, tags: [], values: {} });
const household = (id: string): DoorListHousehold => ({
  id,
  unit: 1,
  floor: 1,
  room: '101',
  vacant: false,
  values: {},
  lastRecordedAt: null,
  lastRecordedBy: null,
  members: [member(`${id}-a`), member(`${id}-b`)],
});
const added = (householdId: string, memberId: string): RosterChange => ({
  id: uuidV7(),
  kind: 'memberAdded',
  householdId,
  memberId,
  deviceTime: Date.UTC(2022, 10, 14, 9),
  member: { name: '张小明', phone: '13912345678', birthYear: 2015, tags: ['child'] },
});
const movedOut = (householdId: string, memberId: string): RosterChange => ({ id: uuidV7(), kind: 'memberMovedOut', householdId, memberId, deviceTime: Date.UTC(2022, 10, 14, 9) });

describe('roster changes laid over a door list', () => {
  it('adds a member masked as the server answers, and takes a member moved out away, in their own household only', () => {
    const [h1, h2] = withRosterChanges([household('h1'), household('h2')], [added('h1', 'new-1'), movedOut('h1', 'h1-b')]);
    expect(h1!.members.map((m) => [m.id, m.name, m.phone])).toEqual([
      ['h1-a', '王*国', null],
      ['new-1', '张*明', '139****5678'],
    ]);
    expect(h2!.members.map((m) => m.id)).toEqual(['h2-a', 'h2-b']);
  });

  it('changes nothing more when laid over a list that already holds the changes, so the server and the phone may meet in any order', () => {
    const changes = [added('h1', 'new-1'), movedOut('h1', 'h1-b')];
    const once = withRosterChanges([household('h1')], changes);
    expect(withRosterChanges(once, changes)).toEqual(once);
  });
});
