/**
 * Who may do what, as data. A role grants permissions; the scope that comes
 * with an account (see access-scope.ts) says on which part of the territory.
 */
export const ROLES = ['admin', 'commander', 'supervisor', 'worker', 'wall', 'resident'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Counts, figures and history of areas. */
  'counts.read',
  /** The area tree, its outlines and buildings: no one lives in an outline. */
  'territory.read',
  /** Households with their members, personal data masked. */
  'households.read',
  /** One member's unmasked name and phone, with a reason that is audited. */
  'personal.reveal',
  'territory.write',
  'rounds.write',
  /** Campaign templates, counting rules and the territory's levels: they shape every round, so administrators only. */
  'campaigns.write',
  /** Sweep events: a door knocked, a member tested. */
  'events.write',
  /** Archiving and unarchiving rounds and areas: they leave every wall and list, so administrators only. */
  'archive.write',
  'users.manage',
  'audit.read',
  /** The ingest's counters: operational, not territorial. */
  'ingest.stats',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const COUNTS_ONLY: readonly Permission[] = ['counts.read', 'territory.read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  commander: COUNTS_ONLY,
  supervisor: [...COUNTS_ONLY, 'households.read', 'personal.reveal', 'territory.write', 'rounds.write', 'events.write'],
  worker: [...COUNTS_ONLY, 'households.read', 'events.write'],
  wall: COUNTS_ONLY,
  resident: ['households.read'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
