import { isScaleName, SCALE_NAMES, type ScaleName } from '../city/index.js';
import { ConfigError } from '../config.js';
import type { Speed } from '../simulator/index.js';

/** The demo the start command runs: a synthetic city and a live sweep morning over it. */
export interface DemoOptions {
  readonly scale: ScaleName;
  readonly seed: number;
  readonly speed: Speed;
  /** Simulated minutes already swept when the demo first opens, so the map is not blank. */
  readonly headStartMinutes: number;
}

/** Reads GRIDSWEEP_DEMO and the DEMO_* variables; null when the demo is off. */
export function readDemoOptions(env: NodeJS.ProcessEnv = process.env): DemoOptions | null {
  const mode = env.GRIDSWEEP_DEMO ?? 'on';
  if (mode === 'off') return null;
  if (mode !== 'on') throw new ConfigError(`GRIDSWEEP_DEMO must be "on" or "off", got "${mode}"`);
  const scale = env.DEMO_SCALE ?? 'demo';
  if (!isScaleName(scale)) throw new ConfigError(`DEMO_SCALE must be one of ${SCALE_NAMES.join(', ')}, got "${scale}"`);
  return {
    scale,
    seed: wholeNumber('DEMO_SEED', env.DEMO_SEED ?? '7', 0),
    speed: readSpeed(env.DEMO_SPEED ?? '10'),
    headStartMinutes: wholeNumber('DEMO_HEAD_START_MINUTES', env.DEMO_HEAD_START_MINUTES ?? '20', 0),
  };
}

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${text}"`);
  }
  return value;
}

function readSpeed(text: string): Speed {
  if (text === 'max') return 'max';
  const speed = Number(text);
  if (text.trim() === '' || !Number.isFinite(speed) || speed <= 0) {
    throw new ConfigError(`DEMO_SPEED must be a positive number (1 is real time, 10 ten times faster) or "max", got "${text}"`);
  }
  return speed;
}
