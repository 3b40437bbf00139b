import type { Round } from '../campaign/round.js';
import { templateKey, type CampaignTemplate } from '../campaign/template.js';
import { invariant } from '../validation/invariant.js';
import type { AreaCountsChange, AreaCountsDiff } from './area-counts-diff.js';
import { CountsDelta } from './counts-delta.js';
import type { EngineTerritory } from './engine-territory.js';
import { recountRound } from './recount.js';
import { RoundState } from './round-state.js';
import type { TagVocabulary } from './tag-vocabulary.js';
import { takeRoundChangedAreas, takeRoundChanges } from './take-changes.js';
import { compileTemplate, type TemplateCodes } from './template-codes.js';

/**
 * The rounds an engine counts, each with its template's codes, its counters
 * and the delta that keeps them: opened, changed before their first event,
 * grown with the roster, and asked what changed.
 */
export class EngineRounds {
  /** By round index, as `applyDense` takes it. */
  readonly states: RoundState[] = [];
  readonly deltas: CountsDelta[] = [];
  private readonly indexById = new Map<string, number>();
  private readonly templates = new Map<string, TemplateCodes>();

  constructor(
    private readonly territory: EngineTerritory,
    private readonly tagVocabulary: TagVocabulary,
  ) {}

  /** Makes a template available to rounds; adding the same id and version again changes nothing. */
  addTemplate(template: CampaignTemplate): void {
    const key = templateKey(template);
    if (!this.templates.has(key)) this.templates.set(key, compileTemplate(template, this.tagVocabulary));
  }

  open(round: Round): void {
    invariant(!this.indexById.has(round.id), 'round id', 'an unused id', round.id);
    this.indexById.set(round.id, this.states.length);
    this.fresh(round);
  }

  change(round: Round): void {
    const index = this.indexById.get(round.id);
    invariant(index !== undefined, 'round', 'an open round', round.id);
    const old = this.states[index]!;
    invariant(!old.householdStamp.some((stamp) => stamp !== 0) && !old.memberStamp.some((stamp) => stamp !== 0), `round ${round.id} to change`, 'nothing recorded', 'events counted');
    this.fresh(round, index, true);
  }

  index(roundId: string): number | undefined {
    return this.indexById.get(roundId);
  }

  state(roundId: string): RoundState {
    const index = this.indexById.get(roundId);
    invariant(index !== undefined, 'round', 'an open round', roundId);
    return this.states[index]!;
  }

  /** Grows every round's arrays to the roster's size. */
  reserve(): void {
    const t = this.territory;
    for (const round of this.states) round.reserve(t.areaCount, t.householdCount, t.memberTop);
  }

  recountAll(): void {
    for (const round of this.states) round.counts = recountRound(this.territory, round);
  }

  takeChanges(): AreaCountsDiff {
    const diff: Record<string, Record<string, AreaCountsChange>> = {};
    for (const round of this.states) {
      const changes = takeRoundChanges(round, this.territory.areaIds);
      if (changes) diff[round.round.id] = changes;
    }
    return diff;
  }

  takeChangedAreas(): ReadonlyMap<string, readonly string[]> {
    const changed = new Map<string, string[]>();
    for (const round of this.states) {
      const areas = takeRoundChangedAreas(round);
      if (areas.length > 0) changed.set(round.round.id, areas.map((area) => this.territory.areaIds[area]!));
    }
    return changed;
  }

  get byteLength(): number {
    return this.states.reduce((sum, r) => sum + r.byteLength, 0);
  }

  get markerTickEntries(): number {
    return this.states.reduce((sum, r) => sum + r.markerTicks.size, 0);
  }

  /**
   * A round's state with nothing recorded, counted from the roster, at `index`
   * (appended when left out); `reported`: every area counts as changed from zero.
   */
  private fresh(round: Round, index = this.states.length, reported = false): void {
    const key = templateKey({ id: round.templateId, version: round.templateVersion });
    const codes = this.templates.get(key);
    invariant(codes !== undefined, `template of round ${round.id}`, [...this.templates.keys()].join('|'), key);
    const state = new RoundState(round, codes);
    this.states[index] = state;
    this.deltas[index] = new CountsDelta(this.territory, state);
    this.reserve();
    if (reported) for (let area = 0; area < this.territory.areaCount; area++) state.touch(area);
    state.counts = recountRound(this.territory, state);
  }
}
