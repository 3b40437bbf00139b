const WIDTH = 30;

export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A one-line progress bar on stderr. On a terminal it redraws in place; in a
 * log (not a TTY) it prints a line at every tenth, so CI output stays short.
 */
export class ProgressBar {
  private lastLabel = '';
  private lastTenth = -1;
  private drawnAt = 0;

  constructor(private readonly output: ProgressOutput = process.stderr) {}

  update(label: string, done: number, total: number): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (label !== this.lastLabel) {
      if (this.lastLabel && this.output.isTTY) this.output.write('\n');
      this.lastLabel = label;
      this.lastTenth = -1;
    }
    if (this.output.isTTY) {
      const now = performance.now();
      if (fraction < 1 && now - this.drawnAt < 100) return;
      this.drawnAt = now;
      const filled = Math.round(fraction * WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
      this.output.write(`\r${label.padEnd(10)} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total}`);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.output.write(`${label} ${tenth * 10}% (${done}/${total})\n`);
  }

  finish(): void {
    if (this.lastLabel && this.output.isTTY) this.output.write('\n');
    this.lastLabel = '';
  }
}
