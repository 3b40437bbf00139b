import { leafLevel, levelIndex, type AreaCounts, type Levels } from '@gridsweep/core';
import { ApiClient, ApiError, type AreaQuery } from '../api/api-client.js';
import type { Account, AreaCollection, AreaCountsRow, AreaGeometry, AreaProperties, RoundSummary, TiledAreaCollection } from '../api/types.js';
import { AreaColouring } from '../map/area-colouring.js';
import { colourFor } from '../measures/campaign-measures.js';
import type { Measure } from '../measures/measure.js';
import { ActivityFeed } from './activity-feed.svelte.js';
import { Connection } from './connection.svelte.js';
import { connectLive, LiveCounts, type LiveSocket } from './live-counts.svelte.js';
import { MicrogridBuildings } from './microgrid-buildings.svelte.js';
import { Poller } from './poller.svelte.js';
import { RequestCache } from './request-cache.js';
import { RoundCampaignState } from './round-campaign.svelte.js';
import { latestRound, startingArea } from './view-start.js';
import { trailAbove, type ViewStep } from './view-trail.js';

/** How often the rounds are asked for while none exists yet, and the levels while they cannot be had. */
export const ROUNDS_POLL_MS = 5_000;

/**
 * What the monitoring page and the wall show: the round, the level and
 * subtree of the map, its areas (asked for once per view and cached; the map
 * draws them from the server's tiles) and its counts (live over the socket).
 * Pages render it; they keep no data of their own.
 */
export class Monitor {
  /** The territory's levels as the server keeps them (GET /levels); empty until they come. */
  levels = $state.raw<Levels>([]);
  rounds = $state.raw<readonly RoundSummary[]>([]);
  roundId = $state<string | null>(null);
  /** The level the map shows: the deepest one until the user picks another; null until the levels are known. */
  level = $state<string | null>(null);
  /** The areas drilled into, outermost first; empty for the whole territory. */
  trail = $state.raw<readonly ViewStep[]>([]);
  areas = $state.raw<TiledAreaCollection | null>(null);
  areasError = $state<string | null>(null);
  /** Who the tab's credential belongs to; null until the server said. */
  account = $state.raw<Account | null>(null);
  /**
   * Where the account's view starts when it covers part of the territory (a
   * community's supervisor): the top of the map instead of the round's city,
   * which it may not see. Null for an account of the whole territory.
   */
  home = $state.raw<ViewStep | null>(null);

  readonly connection: Connection;
  /** The latest doors knocked in the round, for the wall's ticker. */
  readonly activity: ActivityFeed;
  /** The round's template and rules, and the measures built from them. */
  readonly campaign: RoundCampaignState;
  /** The map's colours, recoloured area by area as deltas name them. */
  readonly colouring: AreaColouring;
  private readonly socket: LiveSocket;
  private readonly live: LiveCounts;
  private readonly roundsPoller = new Poller<readonly RoundSummary[]>((signal) => this.loadRounds(signal), ROUNDS_POLL_MS);
  private readonly levelsPoller = new Poller<Levels>((signal) => this.loadLevels(signal), ROUNDS_POLL_MS);

  readonly round = $derived(this.rounds.find((round) => round.id === this.roundId) ?? null);
  readonly within = $derived(this.trail.at(-1)?.id ?? null);
  /** The area whose subtree is shown: the one drilled into, else the round's, or the account's own when it cannot see the round's. */
  readonly rootId = $derived(this.within ?? startingArea(this.round, this.account, this.home));
  /** The levels a view can show: none above the account's home, whose areas it may not see. */
  readonly selectableLevels = $derived(
    this.home ? this.levels.slice(Math.max(0, levelIndex(this.levels, this.home.level))) : this.levels,
  );
  readonly rows = $derived.by(() => rowsOf(this.live, this.areas));
  readonly rootCounts = $derived.by((): AreaCounts | undefined => {
    void this.live.version;
    return this.rootId === null ? undefined : this.live.counts(this.rootId);
  });
  readonly areaById = $derived(indexAreas(this.areas));
  readonly deeperLevel = $derived(this.level === null ? null : (this.levels[levelIndex(this.levels, this.level) + 1]?.id ?? null));
  /**
   * The micro-grid whose buildings are shown: the last step of the trail when
   * it is of the deepest level and that level is shown (the micro-grid itself,
   * its buildings drawn over it); null otherwise.
   */
  readonly buildingsOf = $derived.by((): ViewStep | null => {
    const last = this.trail.at(-1);
    const leaf = this.levels.length > 0 ? leafLevel(this.levels).id : null;
    return last && leaf !== null && last.level === leaf && this.level === leaf ? last : null;
  });
  readonly buildings: MicrogridBuildings;

  // Caches of requests, read by no template.
  private readonly views = new RequestCache<TiledAreaCollection>();
  private readonly outlines = new RequestCache<AreaGeometry | null>();
  /** Settles once the account (and its home) is known: a round is followed only then, so the first subscription is one in scope. */
  private accountLoaded: Promise<void> = Promise.resolve();

  /**
   * The server closes the sockets of a session that was revoked or ended, and
   * socket.io does not come back by itself after that. Whether the credential
   * still holds is asked over HTTP (a 401 marks it refused, and the page acts
   * on that); otherwise the socket connects again.
   */
  private readonly onServerDisconnect = (reason: string): void => {
    if (reason !== 'io server disconnect') return;
    this.api.me().then(
      () => this.socket.connect(),
      (error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) this.socket.connect();
      },
    );
  };

  constructor(private readonly api = new ApiClient()) {
    this.socket = connectLive();
    this.connection = new Connection(this.socket);
    this.activity = new ActivityFeed(this.socket);
    this.live = new LiveCounts(this.socket);
    this.socket.on('disconnect', this.onServerDisconnect);
    this.buildings = new MicrogridBuildings(api);
    this.colouring = new AreaColouring((areaId) => colourFor(this.rowOf(areaId), this.measure));
    this.live.onRefresh((changed) => this.colouring.recolour(changed));
    this.campaign = new RoundCampaignState(api, () => this.colouring.recolour('all'));
  }

  /** The measure the map is coloured by; null until the round's campaign is known. */
  get measure(): Measure | null {
    return this.campaign.measure;
  }

  get countsError(): string | null {
    return this.live.error ?? this.roundsPoller.error ?? this.levelsPoller.error ?? this.campaign.error;
  }

  /**
   * The moment the counts shown were last known current: when the server last
   * spoke about them (a delta, or the heartbeat it sends a quiet subscription
   * every 5 s), so data that stops and a socket that drops age alike (nothing
   * is heard after a drop); null when no count has ever arrived. `now`, the
   * page clock's tick, is what makes a template ask again: heardAt is plain.
   */
  asOf(now: number): number | null {
    return this.live.hasData ? (this.live.heardAt ?? now) : null;
  }

  start(): void {
    this.socket.connect();
    this.accountLoaded = this.loadAccount();
    this.levelsPoller.start();
    this.roundsPoller.start();
  }

  stop(): void {
    this.roundsPoller.stop();
    this.levelsPoller.stop();
    this.campaign.stop();
    this.live.stop();
    this.buildings.stop();
    this.activity.stop();
    this.connection.stop();
    this.socket.off('disconnect', this.onServerDisconnect);
    this.socket.disconnect();
  }

  chooseRound(roundId: string): void {
    this.roundId = roundId;
    this.activity.follow(roundId);
    this.campaign.follow(roundId);
    this.follow();
  }

  chooseMeasure(id: string): void {
    this.campaign.choose(id);
    this.colouring.recolour('all');
  }

  async chooseLevel(level: string): Promise<void> {
    this.trail = trailAbove(this.trail, this.levels, level);
    this.level = level;
    await this.reload();
  }

  /** Whether an area shown on the map can be drilled into: one level down, or from a micro-grid to its buildings. */
  canDrill(id: string): boolean {
    const area = this.areaById.get(id);
    // An area of another level is one the map is still drawing from the view before: a click on it is too late.
    if (!area || area.level !== this.level) return false;
    return this.deeperLevel !== null || this.buildingsOf === null;
  }

  /**
   * Shows the children of an area on the map one level down; for a
   * micro-grid, the micro-grid with its buildings. Does nothing for an area
   * that is not one of those shown, or that has nothing below it.
   */
  async drillInto(id: string): Promise<void> {
    const area = this.areaById.get(id);
    if (!area || !this.canDrill(id)) return;
    const deeper = this.deeperLevel;
    this.trail = [...this.trail, { id: area.id, name: area.name, level: area.level }];
    if (deeper) this.level = deeper;
    await this.reload();
  }

  /** Goes back to a step of the breadcrumb; -1 is the whole territory. */
  async backTo(index: number): Promise<void> {
    const step = this.trail[index + 1];
    if (!step) return;
    this.trail = this.trail.slice(0, index + 1);
    this.level = step.level;
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.follow();
    await this.loadAreas();
  }

  private follow(): void {
    const roundId = this.roundId;
    const areaId = this.rootId;
    const level = this.level;
    this.live.follow(roundId && areaId && level ? { roundId, areaId, depth: level } : null);
    const microgrid = this.buildingsOf;
    this.buildings.show(roundId && microgrid ? { roundId, microgridId: microgrid.id } : null);
  }

  /** Rounds are asked for until one exists, so a wall started before the campaign picks it up by itself. */
  private async loadRounds(signal: AbortSignal): Promise<readonly RoundSummary[]> {
    const [rounds] = await Promise.all([this.api.rounds(signal), this.accountLoaded]);
    this.rounds = rounds;
    const latest = latestRound(rounds, this.account);
    if (latest && this.roundId === null) {
      this.roundsPoller.stop();
      this.chooseRound(latest.id);
      // A page opened before the territory was loaded holds an empty map; a round means there is one now.
      if (this.areas?.features.length === 0) {
        this.views.clear();
        await this.loadAreas();
      }
    }
    return rounds;
  }

  /** The levels are asked for until they come: without them there is no level to show. */
  private async loadLevels(signal: AbortSignal): Promise<Levels> {
    const { levels } = await this.api.levels(signal);
    this.levelsPoller.stop();
    this.levels = levels;
    this.level ??= leafLevel(levels).id;
    await this.reload();
    return levels;
  }

  private async loadAccount(): Promise<void> {
    try {
      const account = await this.api.me();
      const homeId = account.scope.kind === 'everything' ? undefined : account.rootAreaIds[0];
      this.home = homeId === undefined ? null : await this.api.area(homeId);
      this.account = account;
    } catch {
      // Without it the view starts at the round's area, as for an account of everything; a refused credential is handled by the page.
    }
  }

  private async loadAreas(): Promise<void> {
    if (this.level === null) return;
    try {
      this.areas = await this.viewOf({ level: this.level, within: this.within });
      this.areasError = null;
    } catch (error) {
      this.areas = null;
      this.areasError = error instanceof Error ? error.message : String(error);
    }
  }

  /** A view's areas are asked for once per level and subtree; a failed request is asked again next time. */
  private viewOf(query: AreaQuery): Promise<TiledAreaCollection> {
    return this.views.get(`${query.level}|${query.within ?? ''}`, () => this.api.areas(query));
  }

  /** An area's whole outline (for the hovered area), asked for once; a failed request is asked again next time. */
  readonly outlineOf = (areaId: string): Promise<AreaGeometry | null> => this.outlines.get(areaId, () => this.api.areaOutline(areaId));

  /** The credential, for the map's tile requests. */
  readonly tileHeaders = (): Record<string, string> => this.api.authorization();

  /** An area's live counts as a row; undefined before they came. */
  private rowOf(areaId: string): AreaCountsRow | undefined {
    const counts = this.live.counts(areaId);
    return counts ? { areaId, counts } : undefined;
  }
}

/** The counts of the areas shown, as rows; re-read whenever the live counts move. */
function rowsOf(live: LiveCounts, areas: AreaCollection | null): ReadonlyMap<string, AreaCountsRow> {
  void live.version;
  const rows: [string, AreaCountsRow][] = [];
  for (const feature of areas?.features ?? []) {
    const counts = live.counts(feature.properties.id);
    if (counts) rows.push([feature.properties.id, { areaId: feature.properties.id, counts }]);
  }
  return new Map(rows);
}

function indexAreas(areas: AreaCollection | null): ReadonlyMap<string, AreaProperties> {
  return new Map((areas?.features ?? []).map((feature) => [feature.properties.id, feature.properties]));
}
