import type { Building, Household, Member } from '@gridsweep/core';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../support/gridsweep-server.js';
import { seedRound } from './territory-fixture.js';

export const SWEEP_WORKER = { username: 'worker-mg1', password: 'sweep-worker-password-1' } as const;
export const SWEEP_ROUND = 'r-sweep';

/**
 * Two buildings in micro-grid mg-1 (2 units × 3 floors × 2 rooms, twelve
 * households each, two members in every household) and one in mg-2, which
 * the worker of mg-1 must never see.
 */
export function sweepRoster(): { buildings: Building[]; households: Household[]; members: Member[] } {
  const buildings: Building[] = [
    { id: 'sb-1', areaId: 'mg-1', name: '1号楼', units: 2, floors: 3, location: { type: 'Point', coordinates: [119.303, 26.085] } },
    { id: 'sb-2', areaId: 'mg-1', name: '2号楼', units: 2, floors: 3, location: { type: 'Point', coordinates: [119.307, 26.085] } },
    { id: 'sb-9', areaId: 'mg-2', name: '9号楼', units: 1, floors: 1, location: { type: 'Point', coordinates: [119.313, 26.085] } },
  ];
  const households: Household[] = [];
  const members: Member[] = [];
  for (const building of buildings) {
    for (let unit = 1; unit <= building.units; unit++) {
      for (let floor = 1; floor <= building.floors; floor++) {
        for (const room of [1, 2]) {
          const id = `${building.id}-${unit}-${floor}0${room}`;
          households.push({ id, buildingId: building.id, unit, floor, room: `${floor}0${room}`, vacant: false });
          members.push({ id: `${id}-a`, householdId: id, name: '王建国', phone: '13900001111', birthYear: 1948, tags: floor === 1 ? ['elderly_alone'] : [] });
          members.push({ id: `${id}-b`, householdId: id, name: '李秀英', phone: null, birthYear: 1990, tags: [] });
        }
      }
    }
  }
  return { buildings, households, members };
}

/** The tiny territory with the sweep roster, an open round, and a worker assigned mg-1. */
export async function seedSweep(server: RunningServer): Promise<void> {
  const roster = sweepRoster();
  await seedRound(server, roster, { id: SWEEP_ROUND, startsAt: Date.now() - 3_600_000 });
  for (const member of roster.members) await server.postJson('/api/v1/members', member);
  await server.postJson('/api/v1/users', {
    username: SWEEP_WORKER.username,
    displayName: '网格员小林',
    role: 'worker',
    scope: { kind: 'areas', areaIds: ['mg-1'] },
    password: SWEEP_WORKER.password,
  });
}

export type Outcome = 'quick' | 'no_answer' | 'refused';

/** Taps a door of the floor grid, records it in the household sheet, saves, and waits for the sheet to close. */
export async function recordDoor(page: Page, householdId: string, outcome: Outcome): Promise<void> {
  await page.locator(`[data-testid="sweep-door"][data-household-id="${householdId}"]`).tap();
  const sheet = page.getByTestId('sweep-sheet');
  await sheet.waitFor();
  if (outcome === 'quick') await sheet.getByTestId('sweep-quick-fill').first().tap();
  else await sheet.getByTestId('sweep-outcome').locator(`[data-option="${outcome}"]`).tap();
  await sheet.getByTestId('sweep-save').tap();
  await sheet.waitFor({ state: 'detached' });
  const expected = outcome === 'quick' ? 'visited' : outcome === 'no_answer' ? 'noAnswer' : 'refused';
  await page.locator(`[data-testid="sweep-door"][data-household-id="${householdId}"][data-state="${expected}"]`).waitFor();
}

/** Signs in through the page as the sweep worker, who is taken to /sweep. */
export async function signInAsWorker(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(SWEEP_WORKER.username);
  await page.getByLabel('密码').fill(SWEEP_WORKER.password);
  await page.getByRole('button', { name: '登录' }).tap();
  await page.waitForURL(`${baseUrl}/sweep`);
}
