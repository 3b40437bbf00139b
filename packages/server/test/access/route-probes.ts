import { DEFAULT_LEVELS, NUCLEIC_ACID_RULES, NUCLEIC_ACID_TEMPLATE, uuidV7 } from '@gridsweep/core';

// Sample requests for the isolation matrix: for each route of the table, the
// query and body that aim it at a given set of ids. A route added without a
// probe here fails the matrix, so no route escapes it.

export interface Targets {
  readonly areaId: string;
  readonly buildingId: string;
  readonly householdId: string;
  readonly memberId: string;
  readonly roundId: string;
  readonly userId: string;
}

export interface Probe {
  /** Path parameters that are not territory ids, such as a tile's z/x/y. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: string;
  readonly body?: (t: Targets) => object;
  /**
   * Asked by an administrator, the answer names B: a listing whose text the
   * matrix searches for B's ids, checked to be aimed where there is something to miss.
   */
  readonly listsB?: true;
}

export const PROBES: Record<string, Probe> = {
  'POST /api/v1/auth/login': { body: () => ({ username: 'nobody', password: 'wrong' }) },
  'POST /api/v1/auth/logout': {},
  'GET /api/v1/auth/me': {},
  'GET /api/v1/users': {},
  'POST /api/v1/users': {
    body: (t) => ({ username: 'intruder', displayName: 'x', role: 'worker', scope: { kind: 'areas', areaIds: [t.areaId] }, password: 'long-enough-password' }),
  },
  'POST /api/v1/users/:userId/revoke': {},
  'GET /api/v1/audit': {},
  'GET /api/v1/audit/reveal-rates': { query: '?minutes=60' },
  'GET /api/v1/areas': { query: '?level=microgrid', listsB: true },
  'GET /api/v1/areas.geojson': { query: '?level=microgrid', listsB: true },
  // The zoom-8 tile holding the small territory; the tile's ids are plain UTF-8, so the text search reads them.
  'GET /api/v1/area-tiles/:z/:x/:y': { params: { z: '8', x: '212', y: '108' }, query: '?level=microgrid', listsB: true },
  'GET /api/v1/areas/:areaId': {},
  'GET /api/v1/areas/:areaId/buildings': {},
  'GET /api/v1/buildings/:buildingId/households': {},
  'POST /api/v1/areas': { body: (t) => ({ id: 'probe-area', parentId: t.areaId, level: 'microgrid', name: 'x' }) },
  'POST /api/v1/buildings': { body: (t) => ({ id: 'probe-building', areaId: t.areaId, name: 'x', units: 1, floors: 1 }) },
  'POST /api/v1/households': { body: (t) => ({ id: 'probe-household', buildingId: t.buildingId, unit: 1, floor: 9, room: '901' }) },
  'POST /api/v1/members': { body: (t) => ({ id: 'probe-member', householdId: t.householdId, name: '王五', tags: [] }) },
  'GET /api/v1/households/:householdId': {},
  'POST /api/v1/members/:memberId/reveal': { body: () => ({ purpose: 'other', reason: 'isolation probe' }) },
  'GET /api/v1/rounds': {},
  'GET /api/v1/rounds/:roundId': {},
  'POST /api/v1/rounds': { body: (t) => ({ id: 'probe-round', name: 'x', templateId: 'nucleic-acid', rulesId: 'nucleic-acid-default', areaId: t.areaId, startsAt: 0 }) },
  'PATCH /api/v1/rounds/:roundId': { body: () => ({ name: 'probe' }) },
  'GET /api/v1/rounds/:roundId/campaign': {},
  'POST /api/v1/rounds/:roundId/archive': { body: () => ({ reason: 'isolation probe' }) },
  'POST /api/v1/rounds/:roundId/unarchive': { body: () => ({}) },
  'POST /api/v1/areas/:areaId/archive': { body: () => ({ reason: 'isolation probe' }) },
  'POST /api/v1/areas/:areaId/unarchive': { body: () => ({}) },
  'GET /api/v1/templates': {},
  'GET /api/v1/templates/:templateId': { params: { templateId: 'nucleic-acid' } },
  'POST /api/v1/templates': { body: () => ({ ...NUCLEIC_ACID_TEMPLATE, id: 'probe-template' }) },
  'GET /api/v1/rules': {},
  'GET /api/v1/rules/:rulesId': { params: { rulesId: 'nucleic-acid-default' }, query: '?version=1' },
  'POST /api/v1/rules': { body: () => ({ ...NUCLEIC_ACID_RULES, id: 'probe-rules' }) },
  'GET /api/v1/levels': {},
  'PUT /api/v1/levels': { body: () => ({ levels: DEFAULT_LEVELS }) },
  'POST /api/v1/events': {
    body: (t) => ({
      events: [
        {
          id: '01900000-0000-7000-8000-000000000001',
          deviceTime: Date.UTC(2022, 10, 14, 9),
          roundId: t.roundId,
          workerId: 'worker-a',
          householdId: t.householdId,
          values: { outcome: 'visited' },
        },
      ],
    }),
  },
  'GET /api/v1/ingest/stats': {},
  'GET /api/v1/rounds/:roundId/areas/:areaId/counts': {},
  'GET /api/v1/rounds/:roundId/counts': { query: '?level=microgrid' },
  'GET /api/v1/rounds/:roundId/areas/:areaId/buildings': {},
  'GET /api/v1/rounds/:roundId/history': {},
  // Aimed at B by its query, whatever the targets: the scope check reads the query before any body.
  'POST /api/v1/imports': { query: '?kind=roster&fileName=roster.csv&areaId=mg2' },
  // An upload id nobody has: each account sees only its own uploads.
  'POST /api/v1/imports/:importId/preview': { params: { importId: '00000000-0000-4000-8000-000000000000' }, body: () => ({}) },
  'POST /api/v1/imports/:importId/commit': { params: { importId: '00000000-0000-4000-8000-000000000000' }, body: () => ({}) },
  'GET /api/v1/imports/roster-template.xlsx': {},
  // Aimed at the round: what it lists is the caller's own micro-grids, so an account of A must find no B in it.
  'GET /api/v1/sweep/assignments': { query: '?roundId=r1', listsB: true },
  // A member added at the door, into the target's household (the matrix also tries moving B's member out: see its own test).
  'POST /api/v1/roster-changes': {
    body: (t) => ({
      id: uuidV7(),
      kind: 'memberAdded',
      householdId: t.householdId,
      memberId: `probe-member-${t.householdId}`,
      deviceTime: Date.UTC(2022, 10, 14, 9),
      member: { name: '王五', phone: '13900000000', birthYear: 1980, tags: ['elderly_alone'] },
    }),
  },
  'GET /api/v1/rounds/:roundId/areas/:areaId/report': { query: '?format=csv' },
  'POST /api/v1/rounds/:roundId/areas/:areaId/ledgers/:ledger': { params: { ledger: 'special-groups' }, body: () => ({ format: 'csv' }) },
};

export function urlFor(url: string, t: Targets, probe: Probe): string {
  const values = { ...(t as unknown as Record<string, string>), ...probe.params };
  return url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? `unknown-${name}`) + (probe.query ?? '');
}
