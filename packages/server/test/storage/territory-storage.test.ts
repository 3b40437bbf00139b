import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/db/open-database.js';
import { EventLog } from '../../src/repositories/event-log.js';
import { TerritoryRepository } from '../../src/repositories/territory-repository.js';
import { eventContentHash } from '../../src/ingest/content-hash.js';
import { DIALECTS } from '../support/dialects.js';
import { memberEvent, smallTerritory, visitEvent } from '../support/small-territory.js';

function territoryRecords() {
  const { areas, buildings, households, members } = smallTerritory();
  return { areas, buildings, households, members };
}

describe.each(DIALECTS)('storage on $name', (dialect) => {
  let storage: Storage;
  let options: Awaited<ReturnType<typeof dialect.fresh>>['options'];
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ options, dispose } = await dialect.fresh());
    storage = await openStorage(options);
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
  });

  it('loads a territory in bulk and reads it back as it was given', async () => {
    const records = territoryRecords();
    const repository = new TerritoryRepository(storage.db);
    await repository.load(records);
    const all = await repository.all();
    expect(all.areas).toEqual(records.areas.map((a) => ({ geometry: null, ...a })));
    expect(new Set(all.households.map((h) => JSON.stringify(h)))).toEqual(new Set(records.households.map((h) => JSON.stringify(h))));
    expect(all.members.map((m) => m.id).sort()).toEqual(records.members.map((m) => m.id).sort());
    expect(all.members.find((m) => m.id === 'mg1-b1-1-101-m1')).toEqual(records.members.find((m) => m.id === 'mg1-b1-1-101-m1'));
  });

  it('finds areas by level, by parent, and by level within an area', async () => {
    const records = territoryRecords();
    const repository = new TerritoryRepository(storage.db);
    await repository.load(records);
    expect((await repository.areas({ parentId: null })).map((a) => a.id)).toEqual(['c']);
    expect((await repository.areas({ parentId: 'g' })).map((a) => a.id)).toEqual(['mg1', 'mg2']);
    expect((await repository.areas({ level: 'microgrid' })).map((a) => a.id)).toEqual(['mg1', 'mg2']);
    expect((await repository.areasWithin('d', 'microgrid')).map((a) => a.id)).toEqual(['mg1', 'mg2']);
    expect((await repository.areasWithin('mg2', 'microgrid')).map((a) => a.id)).toEqual(['mg2']);
    expect((await repository.householdsOf('mg1-b1')).map((h) => `${h.unit}-${h.floor}`)).toEqual(['1-1', '1-2', '1-3', '2-1', '2-2', '2-3']);
  });

  it('writes nothing of a load whose records break a reference', async () => {
    const records = territoryRecords();
    const repository = new TerritoryRepository(storage.db);
    const broken = [...records.members, { id: 'orphan', householdId: 'no-such-household', name: '王五', tags: [] }];
    await expect(repository.load({ ...records, members: broken })).rejects.toThrow();
    expect(await repository.isEmpty()).toBe(true);
  });

  it('keeps what was written when the database is opened again, and migrates nothing twice', async () => {
    const records = territoryRecords();
    await new TerritoryRepository(storage.db).load(records);
    await storage.close();
    storage = await openStorage(options);
    expect((await new TerritoryRepository(storage.db).all()).households).toHaveLength(records.households.length);
  });

  it('gives the latest value of each field by device time, then by event id', async () => {
    const records = territoryRecords();
    await new TerritoryRepository(storage.db).load(records);
    const log = new EventLog(storage.db);
    const h = 'mg1-b1-1-101';
    const early = visitEvent(h, { deviceTime: 1_700_000_000_000, values: { outcome: 'no_answer' } });
    const late = visitEvent(h, { deviceTime: 1_700_000_100_000, values: { outcome: 'visited' } });
    const member = memberEvent(h, `${h}-m1`, 0, { deviceTime: 1_700_000_000_000 });
    await storage.db.transaction().execute(async (tx) => {
      await log.append(tx, [late, early, member].map((event) => ({ event, hash: eventContentHash(event) })));
    });
    const observations = await log.observations('r1', [h]);
    expect(observations.map((row) => [row.memberId, row.values]).sort()).toEqual([[null, { outcome: 'visited' }], [null, { outcome: 'no_answer' }], [`${h}-m1`, { test: 'tested' }]].sort());
    const replayed = [];
    for await (const page of log.all(2)) replayed.push(...page);
    expect(replayed).toEqual([late, early, member]);
  });
});
