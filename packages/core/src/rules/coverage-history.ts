import { NUCLEIC_ACID_RULES, type CountingRules } from './counting-rules.js';
import { projectCompletion, type CompletionProjection, type CoverageSample } from './project-completion.js';

/**
 * Visited-household samples per area over a sliding window, for projected
 * completion: the server records counts as they change and asks for a
 * projection when it draws a progress panel. Samples older than the window
 * are dropped, so memory stays bounded per area.
 */
export class CoverageHistory {
  private readonly byArea = new Map<string, CoverageSample[]>();

  constructor(private readonly rules: Pick<CountingRules, 'projectionWindowMs'> = NUCLEIC_ACID_RULES) {}

  /** Notes an area's visited count at `at`; samples must come in time order per area. */
  record(areaId: string, at: number, visited: number): void {
    let samples = this.byArea.get(areaId);
    if (!samples) this.byArea.set(areaId, (samples = []));
    const last = samples[samples.length - 1];
    if (last && at < last.at) return;
    if (last && last.at === at) samples[samples.length - 1] = { at, visited };
    else samples.push({ at, visited });
    const horizon = at - this.rules.projectionWindowMs;
    let stale = 0;
    while (stale < samples.length - 1 && samples[stale + 1]!.at <= horizon) stale++;
    if (stale > 0) samples.splice(0, stale);
  }

  samples(areaId: string): readonly CoverageSample[] {
    return this.byArea.get(areaId) ?? [];
  }

  project(areaId: string, toVisit: number, now: number): CompletionProjection {
    return projectCompletion(this.samples(areaId), toVisit, now, this.rules);
  }
}
