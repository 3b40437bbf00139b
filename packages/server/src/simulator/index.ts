// The sweep simulator's public surface, listed name by name.
export type { FaultRates, SweepBehaviour } from './options.js';
export { DEFAULT_FAULT_RATES, DEFAULT_BEHAVIOUR, NO_FAULTS } from './options.js';
export type { MorningOptions, SimulatedMorning } from './simulate-morning.js';
export { simulateMorning, microgridsUnder } from './simulate-morning.js';
export type { Delivery } from './deliveries.js';
export type { Speed, PlaybackClock, PlaybackOptions, DeliveryBatch } from './play-morning.js';
export { playMorning, runMorning, WALL_CLOCK } from './play-morning.js';
