// The load: `node ... live-driver.ts <url> <eventsPerSec> <seconds> [<warmupSeconds>]`.
// Posts background events in batches of 10 at the given rate from the start,
// and after the warm-up one probe event at a random moment of every 100 ms,
// noting when each probe's HTTP acknowledgement came back. Probes at a fixed
// period would lock in phase with the server's 100 ms tick and measure that
// phase, not the stream. It posts as the bench's supervisor of the whole city.
import { BENCH_ACCOUNTS, signIn } from '../bench-access.js';
import { epochMs, backgroundEvent, probeEvent, probeHouseholds } from './live-plan.js';

const [url = '', rateText = '2000', secondsText = '10', warmupText = '0'] = process.argv.slice(2);
const rate = Number(rateText);
const seconds = Number(secondsText);
const warmupMs = Number(warmupText) * 1000;
const BATCH = 10;
const PROBE_EVERY_MS = 100;
/** Like 100 devices: no more requests in flight than that; when the server lags, the rate drops and says so. */
const MAX_IN_FLIGHT = 100;
const token = await signIn(url, BENCH_ACCOUNTS.supervisor);

const post = async (events: unknown[]) => {
  const response = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events }) });
  if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
};

const acks: number[] = [];
const inFlight = new Set<Promise<void>>();
const began = performance.now();
let sentBatches = 0;
let probes = 0;
const probeLimit = Math.min(probeHouseholds.length, Math.floor((seconds * 1000) / PROBE_EVERY_MS));
let nextProbeAt = warmupMs + Math.random() * PROBE_EVERY_MS;

while (performance.now() - began < warmupMs + seconds * 1000) {
  const elapsed = performance.now() - began;
  const dueBatches = Math.floor((elapsed / 1000) * (rate / BATCH));
  while (sentBatches < dueBatches && inFlight.size < MAX_IN_FLIGHT) {
    sentBatches++;
    const request = post(Array.from({ length: BATCH }, backgroundEvent)).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  if (probes < probeLimit && elapsed >= nextProbeAt) {
    const k = ++probes;
    nextProbeAt = warmupMs + (probes + Math.random()) * PROBE_EVERY_MS;
    const request = post([probeEvent(k)])
      .then(() => {
        acks[k] = epochMs();
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await new Promise((resolve) => setTimeout(resolve, 2));
}
await Promise.all(inFlight);
const actualSeconds = (performance.now() - began) / 1000;
console.log(JSON.stringify({ eventsPerSec: Math.round((sentBatches * BATCH + probes) / actualSeconds), acks }));
