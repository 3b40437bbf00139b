import type { RouteAccess } from '../../access/access-policy.js';

// Templates, rules and levels shape every round's counts and words: whoever
// may read counts may read them (a wall draws its legend from them); only an
// administrator adds a version, since a version is never replaced.

export const CAMPAIGN_READ: RouteAccess = { permission: 'counts.read' };
export const CAMPAIGN_WRITE: RouteAccess = { permission: 'campaigns.write' };

/** Listings in a stable order: by id, then oldest version first. */
export function byIdThenVersion(a: { id: string; version: number }, b: { id: string; version: number }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version;
}

/** `template:nucleic-acid@2`: what the audit entry of a new version names. */
export function versioned(noun: string, body: unknown): string {
  const { id, version } = body as { id: string; version: number };
  return `${noun}:${id}@${version}`;
}
