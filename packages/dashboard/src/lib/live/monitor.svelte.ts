import { DEFAULT_LEVELS, levelIndex, type LevelSpec } from '@gridsweep/core';
import { ApiClient, type AreaQuery } from '../api/api-client.js';
import type { AreaCollection, AreaCountsRow, AreaProperties, RoundSummary } from '../api/types.js';
import { measureById, MEASURES, type Measure } from '../measures/measures.js';
import { Poller } from './poller.svelte.js';

export const COUNTS_POLL_MS = 2_000;

export interface ViewStep {
  readonly id: string;
  readonly name: string;
  readonly level: string;
}

/**
 * What the monitoring page and the wall show: the round, the level and
 * subtree of the map, its geometry (fetched once per view and cached) and its
 * counts (polled). Pages render it; they keep no data of their own.
 */
export class Monitor {
  readonly levels: readonly LevelSpec[] = DEFAULT_LEVELS;
  rounds = $state.raw<readonly RoundSummary[]>([]);
  roundId = $state<string | null>(null);
  measure = $state<Measure>(MEASURES[0]!);
  level = $state('microgrid');
  /** The areas drilled into, outermost first; empty for the whole territory. */
  trail = $state.raw<readonly ViewStep[]>([]);
  areas = $state.raw<AreaCollection | null>(null);
  areasError = $state<string | null>(null);
  selectedId = $state<string | null>(null);
  /** The selected area's children one level down, and their counts, refreshed with every poll. */
  childAreas = $state.raw<AreaCollection | null>(null);
  childRows = $state.raw<ReadonlyMap<string, AreaCountsRow>>(indexRows(null));

  // Until the live socket exists (issue 6), counts are polled.
  private readonly counts = new Poller<readonly AreaCountsRow[]>((signal) => this.loadCounts(signal), COUNTS_POLL_MS);

  readonly within = $derived(this.trail.at(-1)?.id ?? null);
  readonly rows = $derived(indexRows(this.counts.value));
  readonly areaById = $derived(indexAreas(this.areas));
  readonly childAreaById = $derived(indexAreas(this.childAreas));
  readonly deeperLevel = $derived(this.levels[levelIndex(this.levels, this.level) + 1]?.id ?? null);

  // A cache of requests, read by no template: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly geometry = new Map<string, Promise<AreaCollection>>();

  constructor(private readonly api = new ApiClient()) {}

  get updatedAt(): number | null {
    return this.counts.updatedAt;
  }

  get countsError(): string | null {
    return this.counts.error;
  }

  async start(): Promise<void> {
    await this.loadAreas();
    this.counts.start();
  }

  stop(): void {
    this.counts.stop();
  }

  chooseRound(roundId: string): void {
    this.roundId = roundId;
    this.counts.start();
  }

  chooseMeasure(id: string): void {
    this.measure = measureById(id);
  }

  async chooseLevel(level: string): Promise<void> {
    this.level = level;
    await this.reload();
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.childAreas = null;
    this.childRows = indexRows(null);
    if (id !== null && this.deeperLevel !== null) void this.loadChildren(id, this.deeperLevel);
  }

  /** Shows the children of an area one level down. */
  async drillInto(area: AreaProperties): Promise<void> {
    const deeper = this.deeperLevel;
    if (!deeper) return;
    this.trail = [...this.trail, { id: area.id, name: area.name, level: area.level }];
    this.level = deeper;
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
    this.select(null);
    this.counts.stop();
    await this.loadAreas();
    this.counts.start();
  }

  private async loadAreas(): Promise<void> {
    try {
      this.areas = await this.geometryOf({ level: this.level, within: this.within });
      this.areasError = null;
    } catch (error) {
      this.areas = null;
      this.areasError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Geometry is asked for once per level and subtree; a failed request is asked again next time. */
  private geometryOf(query: AreaQuery): Promise<AreaCollection> {
    const key = `${query.level}|${query.within ?? ''}`;
    let pending = this.geometry.get(key);
    if (!pending) {
      pending = this.api.areas(query);
      this.geometry.set(key, pending);
      pending.catch(() => this.geometry.delete(key));
    }
    return pending;
  }

  private async loadChildren(parentId: string, level: string): Promise<void> {
    try {
      const children = await this.geometryOf({ level, within: parentId });
      if (this.selectedId !== parentId) return;
      this.childAreas = children;
      if (this.roundId) await this.loadChildCounts(this.roundId);
    } catch (error) {
      if (this.selectedId === parentId) this.areasError = error instanceof Error ? error.message : String(error);
    }
  }

  private async loadChildCounts(roundId: string, signal?: AbortSignal): Promise<void> {
    const parentId = this.selectedId;
    const level = this.deeperLevel;
    if (parentId === null || level === null) return;
    const rows = await this.api.counts(roundId, { level, within: parentId }, signal);
    if (this.selectedId === parentId) this.childRows = indexRows(rows);
  }

  private async loadCounts(signal: AbortSignal): Promise<readonly AreaCountsRow[] | undefined> {
    // Rounds are asked for until one exists, so a wall started before the campaign picks it up by itself.
    if (!this.roundId) {
      this.rounds = await this.api.rounds(signal);
      this.roundId = latestRound(this.rounds)?.id ?? null;
      if (!this.roundId) return undefined;
    }
    const [rows] = await Promise.all([
      this.api.counts(this.roundId, { level: this.level, within: this.within }, signal),
      this.loadChildCounts(this.roundId, signal),
    ]);
    return rows;
  }
}

function indexRows(rows: readonly AreaCountsRow[] | null): ReadonlyMap<string, AreaCountsRow> {
  return new Map((rows ?? []).map((row) => [row.areaId, row]));
}

function indexAreas(areas: AreaCollection | null): ReadonlyMap<string, AreaProperties> {
  return new Map((areas?.features ?? []).map((feature) => [feature.properties.id, feature.properties]));
}

function latestRound(rounds: readonly RoundSummary[]): RoundSummary | undefined {
  return rounds.reduce<RoundSummary | undefined>((latest, round) => (!latest || round.startsAt > latest.startsAt ? round : latest), undefined);
}
