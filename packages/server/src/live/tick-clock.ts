/**
 * Calls `tick` every `periodMs`, on a fixed grid of times counted from the
 * start. setInterval re-arms from when its callback ran, so under load every
 * late tick pushes all later ones back and the period stretches; here a late
 * tick is followed by the next grid time, so a change waits half a period for
 * its tick on average, and a stall longer than a period skips the ticks it
 * missed instead of firing them back to back. `now` is the clock (a test's
 * stands still while its ticks "take" time). Returns the stop function.
 */
export function startTickClock(periodMs: number, tick: () => void, now: () => number = () => performance.now()): () => void {
  const origin = now();
  let ticks = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (): void => {
    const at = now();
    ticks = Math.max(ticks + 1, Math.floor((at - origin) / periodMs) + 1);
    timer = setTimeout(run, origin + ticks * periodMs - at);
    // Like the server's other timers, it never keeps the process alive by itself.
    timer.unref?.();
  };
  const run = (): void => {
    if (stopped) return;
    try {
      tick();
    } finally {
      if (!stopped) schedule();
    }
  };

  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
