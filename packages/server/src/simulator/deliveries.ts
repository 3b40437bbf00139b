import type { SweepEvent } from '@gridsweep/core';
import type { Random } from '../city/random.js';
import type { FaultRates } from './options.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** An event arriving at the server: when, and whether it is a resend of one already sent. */
export interface Delivery {
  /** Simulated time of arrival, ms since the Unix epoch. */
  readonly at: number;
  readonly event: SweepEvent;
  /** Which fault, if any, shaped this arrival. */
  readonly fault: 'duplicate' | 'out_of_order' | 'offline_burst' | null;
}

/**
 * When one team's events reach the server, with faults injected: a network
 * latency of a fraction of a second; for an offline team, everything recorded
 * during its dead stretch arrives in one burst when the signal returns; some
 * events held back for minutes; some sent twice.
 */
export function deliver(events: readonly SweepEvent[], rates: FaultRates, random: Random): Delivery[] {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return [];
  let offlineFrom = Infinity;
  let offlineUntil = -Infinity;
  if (random.chance(rates.offline)) {
    offlineFrom = first.deviceTime + random.next() * (last.deviceTime - first.deviceTime);
    offlineUntil = offlineFrom + random.int(5, 30) * MINUTE;
  }
  const deliveries: Delivery[] = [];
  let burst = 0;
  for (const event of events) {
    let at = event.deviceTime + random.int(80, 1500);
    let fault: Delivery['fault'] = null;
    if (event.deviceTime >= offlineFrom && event.deviceTime < offlineUntil) {
      // Queued on the phone; sent a few milliseconds apart once it reconnects.
      at = Math.round(offlineUntil) + 5 * burst++;
      fault = 'offline_burst';
    } else if (random.chance(rates.outOfOrder)) {
      at += random.int(30, 300) * SECOND;
      fault = 'out_of_order';
    }
    deliveries.push({ at, event, fault });
    if (random.chance(rates.duplicate)) {
      deliveries.push({ at: at + random.int(2, 120) * SECOND, event, fault: 'duplicate' });
    }
  }
  return deliveries;
}
