import type { ApiClient } from '../api/api-client.js';
import type { RoundCampaign } from '../api/types.js';
import { measuresOf, pickMeasure } from '../measures/campaign-measures.js';
import type { Measure } from '../measures/measure.js';

/** How long after a failed request the round's campaign is asked for again. */
export const CAMPAIGN_RETRY_MS = 5_000;

/**
 * What the round followed is counted by (its template and rules, from the
 * server) and the measures built from them: the picker's list, the map's
 * colours, the legend and every figure's words. A round of another template
 * brings its own; nothing here knows any template.
 */
export class RoundCampaignState {
  campaign = $state.raw<RoundCampaign | null>(null);
  error = $state<string | null>(null);
  /** The measure chosen in the picker; null for the one the rules colour the map by. */
  private chosenId = $state<string | null>(null);

  readonly measures = $derived(this.campaign ? measuresOf(this.campaign.template, this.campaign.rules) : []);
  /** The measure the map is coloured by; null until the campaign is known. */
  readonly measure = $derived<Measure | null>(this.campaign ? pickMeasure(this.measures, this.chosenId, this.campaign.rules) : null);

  private roundId: string | null = null;
  private controller: AbortController | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;

  /** `onLoaded` is told when a campaign arrives, so what is drawn with the one before can be drawn again. */
  constructor(
    private readonly api: ApiClient,
    private readonly onLoaded: () => void = () => {},
  ) {}

  /** Follows a round's campaign, or none with null; the measure chosen is kept when the new round has it too. */
  follow(roundId: string | null): void {
    if (roundId === this.roundId) return;
    this.stop();
    this.roundId = roundId;
    this.campaign = null;
    this.error = null;
    if (roundId !== null) void this.load(roundId);
  }

  choose(measureId: string): void {
    this.chosenId = measureId;
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
  }

  private async load(roundId: string): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const campaign = await this.api.campaign(roundId, controller.signal);
      if (controller.signal.aborted) return;
      this.campaign = campaign;
      this.error = null;
      this.onLoaded();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.load(roundId);
      }, CAMPAIGN_RETRY_MS);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}
