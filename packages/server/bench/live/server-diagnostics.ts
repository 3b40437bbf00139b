import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

const ms = (ns: number) => Math.round(ns / 1e4) / 100;

/**
 * Watches the bench server from inside: how long its event loop was held
 * (monitorEventLoopDelay), how often the live stream flushed, how long each
 * flush took and how many bytes it handed to the sockets, and its CPU time. Returns the function that
 * prints one JSON line of it on stderr.
 */
export function serverDiagnostics(app: FastifyInstance): () => void {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpuStart = process.cpuUsage();
  const flushes: number[] = [];
  let bytes = 0;
  let first: number | undefined;
  let lastFlush = 0;
  const stream = app.countsStream;
  const tick = stream.tick.bind(stream);
  stream.tick = (heartbeat?: boolean) => {
    const started = performance.now();
    const sent = tick(heartbeat);
    flushes.push(performance.now() - started);
    first ??= started;
    lastFlush = started;
    bytes += sent;
    return sent;
  };
  return () => {
    loop.disable();
    const cpu = process.cpuUsage(cpuStart);
    const sorted = [...flushes].sort((a, b) => a - b);
    const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10;
    console.error(
      JSON.stringify({
        server: 'diagnostics',
        loopDelayP50Ms: ms(loop.percentile(50)),
        loopDelayP99Ms: ms(loop.percentile(99)),
        loopDelayMaxMs: ms(loop.max),
        flushes: flushes.length,
        flushP50Ms: at(50),
        flushP99Ms: at(99),
        flushMaxMs: at(100),
        // Over the time from the first flush to the last: the stream's busy stretch, load included.
        flushesPerSec: Math.round((flushes.length / (lastFlush - (first ?? 0))) * 1e4) / 10,
        sentMbPerSec: Math.round(bytes / (lastFlush - (first ?? 0))) / 1e3,
        meanFlushKb: Math.round(bytes / Math.max(1, flushes.length) / 100) / 10,
        cpuUserS: Math.round(cpu.user / 1e4) / 100,
        cpuSystemS: Math.round(cpu.system / 1e4) / 100,
      }),
    );
  };
}
