import type { AccessScope, Role } from '@gridsweep/core';

/** Who is asking: a signed-in user, or the wall display's credential. */
export interface Principal {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly scope: AccessScope;
  /** The session's token hash; null for the wall credential, which has no session. */
  readonly sessionHash: string | null;
}

export const WALL_PRINCIPAL: Principal = {
  id: 'wall',
  username: 'wall',
  role: 'wall',
  scope: { kind: 'everything' },
  sessionHash: null,
};
