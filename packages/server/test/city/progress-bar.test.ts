import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress-bar.js';

function output(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('the progress bar', () => {
  it('in a log, prints a line at each tenth of a phase, 0 % to 100 %', () => {
    const log = output(false);
    const bar = new ProgressBar(log);
    for (let done = 1; done <= 100; done++) bar.update('micro-grids', done, 100);
    bar.finish();
    expect(log.written).toHaveLength(11);
    expect(log.written.at(-1)).toBe('micro-grids 100% (100/100)\n');
  });

  it('on a terminal, redraws one line in place and ends it', () => {
    const terminal = output(true);
    const bar = new ProgressBar(terminal);
    bar.update('districts', 1, 2);
    bar.update('districts', 2, 2);
    bar.finish();
    expect(terminal.written.slice(0, -1).every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true);
    expect(terminal.written.at(-2)).toContain('100% 2/2');
    expect(terminal.written.at(-1)).toBe('\n');
  });
});
