import type { ActivityItemV1, ActivityV1, CampaignTemplate, LocalizedText, SweepEvent } from '@gridsweep/core';

/** At most this many doors per round per tick reach the ticker; a wall cannot show more. */
const MAX_ITEMS_PER_TICK = 50;

/** What the feed needs of the roster: where a household lies, and the template of a round. */
export interface ActivitySource {
  householdArea(householdId: string): string | undefined;
  templateOfRound(roundId: string): CampaignTemplate | undefined;
}

/**
 * The options an event records as its headline, named as the template names
 * them: a household's outcome; a member's status with the marker beside it
 * when one was recorded (已检测 · 绿码), or the marker alone when only it was
 * (绿码). `outcome` is the first of them by id.
 */
function headline(event: SweepEvent, template: CampaignTemplate): { outcome: string; label: LocalizedText } | undefined {
  const fields = event.memberId === undefined ? [template.household.outcome] : [template.member.status, template.member.marker];
  const recorded = fields.flatMap((field) => {
    const option = field?.options.find((o) => o.id === event.values[field.id]);
    return option ? [option] : [];
  });
  const first = recorded[0];
  if (first === undefined) return undefined;
  const label = { zh: recorded.map((o) => o.name.zh).join(' · '), en: recorded.map((o) => o.name.en).join(' · ') };
  return { outcome: first.id, label };
}

/**
 * Turns committed sweep events into the wall's ticker: which micro-grid, when,
 * what outcome, named in the round's template. It only ever copies those
 * things, so no name, phone number or household id can leak into the feed.
 */
export class ActivityFeed {
  private readonly pending = new Map<string, ActivityItemV1[]>();

  constructor(private readonly source: ActivitySource) {}

  note(events: readonly SweepEvent[]): void {
    const committedAt = Date.now();
    for (const event of events) {
      const areaId = this.source.householdArea(event.householdId);
      const template = this.source.templateOfRound(event.roundId);
      const shown = template && headline(event, template);
      if (!areaId || !shown) continue;
      let items = this.pending.get(event.roundId);
      if (!items) this.pending.set(event.roundId, (items = []));
      if (items.length >= MAX_ITEMS_PER_TICK) items.shift();
      items.push({ areaId, committedAt, deviceTime: event.deviceTime, ...shown });
    }
  }

  /** The activity gathered since the last call, one message per round. */
  take(): ActivityV1[] {
    const messages = [...this.pending].map(([roundId, items]) => ({ roundId, items }));
    this.pending.clear();
    return messages;
  }
}
