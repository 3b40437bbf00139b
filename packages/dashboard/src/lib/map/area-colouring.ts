/** Where colours go: the map (AreaMap.setColour, batched per frame); null means "no data". */
export interface ColourTarget {
  setColour(id: string, colour: string | null): void;
}

/**
 * Keeps the colours of the areas a map shows current. A live delta names the
 * areas it changed, and only those are worked out again and, when their colour
 * moved, sent to the map; a new view, measure or campaign compares every area
 * shown once. So a refresh costs the areas that changed, not the city: the
 * wall of 50 000 micro-grids no longer re-derives 50 000 colours five times a
 * second to find the few that moved.
 */
export class AreaColouring {
  private target: ColourTarget | null = null;
  private shown: ReadonlySet<string> = new Set();
  /** What the map was last sent per area, so an unchanged colour is not sent again. */
  private readonly sent = new Map<string, string | null>();

  /** `colourOf` reads the current counts and measure each time it is asked. */
  constructor(private readonly colourOf: (areaId: string) => string | null) {}

  /** The map now shows these areas (a new view): it holds no colour yet, so each is sent. */
  show(target: ColourTarget, areaIds: Iterable<string>): void {
    this.target = target;
    this.shown = new Set(areaIds);
    this.sent.clear();
    this.recolour('all');
  }

  /** The map is gone: nothing more is sent until it shows a view again. */
  detach(): void {
    this.target = null;
    this.shown = new Set();
    this.sent.clear();
  }

  /**
   * Works out the colours of the areas named (or of every area shown, after a
   * snapshot or when the measure changed) and sends those that moved; areas
   * not on the map are skipped. Returns how many were sent.
   */
  recolour(changed: Iterable<string> | 'all'): number {
    const target = this.target;
    if (!target) return 0;
    let sentCount = 0;
    for (const areaId of changed === 'all' ? this.shown : changed) {
      if (changed !== 'all' && !this.shown.has(areaId)) continue;
      const colour = this.colourOf(areaId);
      if (this.sent.has(areaId) && this.sent.get(areaId) === colour) continue;
      this.sent.set(areaId, colour);
      target.setColour(areaId, colour);
      sentCount += 1;
    }
    return sentCount;
  }
}
