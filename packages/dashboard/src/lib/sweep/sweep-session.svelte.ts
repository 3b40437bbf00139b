import { uuidV7, type SubmitEventsReplyV1, type SweepEvent } from '@gridsweep/core';
import type { Account, BuildingCounts, RoundCampaign, RoundSummary } from '../api/types.js';
import { credential } from '../auth/credential.svelte.js';
import { connectLive, type LiveSocket } from '../live/live-counts.svelte.js';
import { FieldCache } from './field-cache.js';
import type { RosterChange } from './field-db.js';
import { eventsOf, recorded, withLocalRecords, type HouseholdDraft } from './household-draft.js';
import { countDoorList } from './household-state.js';
import { Outbox } from './outbox.svelte.js';
import { RosterOutbox } from './roster-outbox.svelte.js';
import { withRosterChange, withRosterChanges } from './roster-overlay.js';
import { SweepApi, type DoorList, type DoorListHousehold, type SweepAssignments } from './sweep-api.js';

/** How long a batch waits for the socket's acknowledgement before it goes by HTTP instead. */
const ACK_TIMEOUT_MS = 5_000;
const ROUND_KEY = 'gridsweep.sweep.round';

/** When the worker last downloaded their micro-grids for offline use, and how much it took. */
export interface OfflineDownload {
  readonly bytes: number;
  readonly at: number;
}

/**
 * The field worker's page as a whole: who they are, the round, their
 * micro-grids, the door lists kept on the phone, and the outbox of what they
 * record. Every read goes to the server first and falls back to the copy on
 * the phone; every save goes to the outbox first.
 */
export class SweepSession {
  account = $state.raw<Account | null>(null);
  rounds = $state.raw<readonly RoundSummary[]>([]);
  roundId = $state<string | null>(null);
  campaign = $state.raw<RoundCampaign | null>(null);
  assignments = $state.raw<SweepAssignments | null>(null);
  /** When what is shown was kept on the phone: the server could not be reached. */
  cachedAt = $state<number | null>(null);
  offlineDownload = $state.raw<OfflineDownload | null>(null);
  downloading = $state(false);
  error = $state<string | null>(null);

  readonly outbox: Outbox;
  /** Members added and moved out on this phone: sent before the events, which may name them. */
  readonly roster: RosterOutbox;
  private readonly socket: LiveSocket;

  constructor(
    readonly api = new SweepApi(),
    private readonly cache = new FieldCache(),
  ) {
    this.socket = connectLive();
    this.outbox = new Outbox((events) => this.send(events));
    this.roster = new RosterOutbox((change) => this.api.submitRosterChange(change));
    this.outbox.sendFirst = this.roster.flush;
    this.socket.on('connect', this.outbox.kick);
  }

  /** What this phone has recorded and the server has not acknowledged: events and roster changes. */
  get pending(): number {
    return this.outbox.pending + this.roster.pending;
  }

  async start(): Promise<void> {
    // A field worker's phone stays signed in when the browser is closed and opened again, offline too.
    credential.persist();
    if (credential.usable) this.socket.connect();
    await this.roster.start();
    addEventListener('offline', this.onOffline);
    addEventListener('online', this.onOnline);
    await this.outbox.start();
    try {
      this.account = (await this.cache.networkFirst('me', () => this.api.me())).value;
      this.rounds = (await this.cache.networkFirst('rounds', () => this.api.rounds())).value;
      const saved = localStorage.getItem(ROUND_KEY);
      const newest = [...this.rounds].sort((a, b) => b.startsAt - a.startsAt)[0];
      const roundId = this.rounds.some((r) => r.id === saved) ? saved : (newest?.id ?? null);
      if (roundId) await this.chooseRound(roundId);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  // A socket open when the phone lost its network may not know it for a long while, and a batch
  // sent into it would wait for the acknowledgement's timeout: closed when the browser says offline,
  // opened again when it says online (the outbox sends by HTTP until it is up).
  private readonly onOffline = (): void => void this.socket.disconnect();
  private readonly onOnline = (): void => {
    if (credential.usable) this.socket.connect();
  };

  stop(): void {
    removeEventListener('offline', this.onOffline);
    removeEventListener('online', this.onOnline);
    this.outbox.stop();
    this.socket.off('connect', this.outbox.kick);
    this.socket.disconnect();
  }

  async chooseRound(roundId: string): Promise<void> {
    this.roundId = roundId;
    localStorage.setItem(ROUND_KEY, roundId);
    this.campaign = (await this.cache.networkFirst(`campaign:${roundId}`, () => this.api.campaign(roundId))).value;
    const assignments = await this.cache.networkFirst(`assignments:${roundId}`, () => this.api.assignments(roundId));
    this.assignments = assignments.value;
    this.cachedAt = assignments.cachedAt;
    this.offlineDownload = (await this.cache.get<OfflineDownload>(`download:${roundId}`))?.value ?? null;
  }

  /** A micro-grid's buildings; offline, each counted from its kept door list, which holds what was recorded here. */
  async buildings(microgridId: string): Promise<readonly BuildingCounts[]> {
    const roundId = this.requireRound();
    const fetched = await this.cache.networkFirst(`buildings:${roundId}:${microgridId}`, () => this.api.buildings(roundId, microgridId));
    this.cachedAt = fetched.cachedAt;
    if (fetched.cachedAt === null || !this.campaign) return fetched.value;
    const template = this.campaign.template;
    const records = await this.cache.localRecords(roundId);
    return Promise.all(
      fetched.value.map(async (building) => {
        const doors = await this.cache.get<DoorList>(`doors:${roundId}:${building.id}`);
        return doors ? { ...building, households: countDoorList(withLocalRecords(doors.value.households, records), template) } : building;
      }),
    );
  }

  /** A building's door list, with what this phone recorded that the list does not have yet. */
  async doorList(buildingId: string): Promise<DoorList> {
    const roundId = this.requireRound();
    const askedAt = Date.now();
    const fetched = await this.cache.networkFirst(`doors:${roundId}:${buildingId}`, () => this.api.doorList(buildingId, roundId));
    this.cachedAt = fetched.cachedAt;
    if (fetched.cachedAt === null) await this.roster.forget(fetched.value.households.map((h) => h.id), askedAt);
    const records = await this.cache.localRecords(roundId);
    const households = records.size === 0 ? fetched.value.households : withLocalRecords(fetched.value.households, records);
    return { ...fetched.value, households: withRosterChanges(households, this.roster.changes.map((q) => q.change)) };
  }

  /** Adds a member found at the door who is not on the roster: kept on the phone, sent before the events that name them. */
  async addMember(household: DoorListHousehold, member: NonNullable<RosterChange['member']>): Promise<DoorListHousehold> {
    const now = Date.now();
    return this.changeRoster(household, { id: uuidV7(now), kind: 'memberAdded', householdId: household.id, memberId: uuidV7(now), deviceTime: now, member });
  }

  /** Marks a member moved out: they no longer count once the server has it. */
  async markMovedOut(household: DoorListHousehold, memberId: string): Promise<DoorListHousehold> {
    const now = Date.now();
    return this.changeRoster(household, { id: uuidV7(now), kind: 'memberMovedOut', householdId: household.id, memberId, deviceTime: now });
  }

  private async changeRoster(household: DoorListHousehold, change: RosterChange): Promise<DoorListHousehold> {
    await this.roster.enqueue(change);
    this.outbox.kick();
    return withRosterChange(household, change);
  }

  /** Saves a household: its events and what they record go to the phone's store in one transaction, then are sent. */
  async save(household: DoorListHousehold, draft: HouseholdDraft): Promise<DoorListHousehold> {
    const roundId = this.requireRound();
    if (!this.campaign || !this.account) throw new Error('the round is not loaded');
    const now = Date.now();
    const events = eventsOf(draft, household, this.campaign.template, { roundId, workerId: this.account.id, now });
    // Recorded here and now: the server's name of whoever recorded before is no longer the latest (the server names this worker after sync).
    const updated = { ...recorded(household, events), lastRecordedBy: null };
    const members = Object.fromEntries(updated.members.map((m) => [m.id, m.values]));
    await this.outbox.enqueue(events, { roundId, householdId: household.id, values: updated.values, members, at: now });
    return updated;
  }

  /** Keeps every door list of the worker's micro-grids on the phone; answers how much it took. */
  async downloadAll(): Promise<void> {
    const roundId = this.requireRound();
    if (!this.assignments || this.downloading) return;
    this.downloading = true;
    try {
      let bytes = 0;
      for (const microgrid of this.assignments.microgrids) {
        const buildings = await this.api.buildings(roundId, microgrid.areaId);
        bytes += await this.cache.put(`buildings:${roundId}:${microgrid.areaId}`, buildings);
        for (const building of buildings) bytes += await this.cache.put(`doors:${roundId}:${building.id}`, await this.api.doorList(building.id, roundId));
      }
      const download = { bytes, at: Date.now() };
      await this.cache.put(`download:${roundId}`, download);
      this.offlineDownload = download;
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.downloading = false;
    }
  }

  /** Signs out and wipes what was kept; refused while anything recorded is not uploaded, which would be lost. */
  async signOut(): Promise<boolean> {
    if (this.pending > 0) return false;
    const token = credential.token;
    await this.cache.wipe();
    localStorage.removeItem(ROUND_KEY);
    credential.clear();
    this.stop();
    await this.api.logout(token);
    return true;
  }

  private requireRound(): string {
    if (!this.roundId) throw new Error('no round is chosen');
    return this.roundId;
  }

  private async send(events: readonly SweepEvent[]) {
    if (this.socket.connected) {
      try {
        const reply = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('events.submit:v1', events)) as SubmitEventsReplyV1;
        return { answered: true as const, reply };
      } catch {
        // No acknowledgement in time: the same batch goes by HTTP; the server counts an id once.
      }
    }
    return this.api.submit(events);
  }
}
