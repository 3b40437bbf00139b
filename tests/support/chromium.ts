import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that phones home. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Why browser tests cannot run here, or null when they must run. With
 * GRIDSWEEP_REQUIRE_BROWSER=1 they always run, so a missing browser fails
 * them instead of silently skipping them (CI sets it).
 */
export function browserSkipReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (existsSync(CHROMIUM_PATH) || env.GRIDSWEEP_REQUIRE_BROWSER === '1') return null;
  return `no Chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set GRIDSWEEP_REQUIRE_BROWSER=1 to make this a failure)`;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`browser tests are required (GRIDSWEEP_REQUIRE_BROWSER=1) but there is no Chromium at ${CHROMIUM_PATH}`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS], headless: true });
}
