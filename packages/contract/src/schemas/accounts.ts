import { ROLES, type AccessScope, type Role } from '@gridsweep/core';
import Type, { type Static } from 'typebox';
import { Id, IdSchema } from '../ids.js';
import { MAX_DISPLAY_NAME_LENGTH, MAX_PASSWORD_LENGTH, MAX_SCOPE_AREAS, MAX_USERNAME_LENGTH, MIN_PASSWORD_LENGTH } from '../limits.js';
import type { Assignable } from '../mirror.js';
import { SafeText } from '../safe-text.js';

export const RoleSchema = Type.Enum(ROLES);

export type RoleMirrorsCore = [Assignable<Static<typeof RoleSchema>, Role>, Assignable<Role, Static<typeof RoleSchema>>];

export const AccessScopeSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal('everything') }, { additionalProperties: false }),
    Type.Object(
      { kind: Type.Literal('areas'), areaIds: Type.Immutable(Type.Array(IdSchema, { minItems: 1, maxItems: MAX_SCOPE_AREAS })) },
      { additionalProperties: false },
    ),
    Type.Object({ kind: Type.Literal('household'), householdId: IdSchema }, { additionalProperties: false }),
  ],
  {
    description:
      'The part of the territory the account covers: everything; the subtrees of some areas (a worker: micro-grids); or one household (a resident).',
  },
);

export type AccessScopeMirrorsCore = [Assignable<Static<typeof AccessScopeSchema>, AccessScope>, Assignable<AccessScope, Static<typeof AccessScopeSchema>>];

/** An account as an administrator sees it; never its password hash. */
export const UserSchema = Type.Object(
  {
    id: IdSchema,
    username: IdSchema,
    displayName: Type.String(),
    role: RoleSchema,
    scope: AccessScopeSchema,
    revoked: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const NewUserSchema = Type.Object(
  {
    username: IdSchema,
    displayName: SafeText({ minLength: 1, maxLength: MAX_DISPLAY_NAME_LENGTH }),
    role: RoleSchema,
    scope: AccessScopeSchema,
    password: SafeText({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, description: `At least ${MIN_PASSWORD_LENGTH} characters.` }),
  },
  { additionalProperties: false },
);

/**
 * What the wall credential's view follows, from the server's configuration
 * (GRIDSWEEP_WALL_ROUND, GRIDSWEEP_WALL_AREA); only the wall's account has it,
 * and only when one of them is set.
 */
export const WallViewSchema = Type.Object(
  {
    roundId: Type.Optional(Id('The one round the wall shows (GRIDSWEEP_WALL_ROUND); while it is not listed (not yet opened, or archived) the wall shows none.')),
    areaId: Type.Optional(Id('The area at the top of the wall (GRIDSWEEP_WALL_AREA).')),
  },
  { additionalProperties: false },
);

/** Who a credential belongs to, and where its view of the territory starts. */
export const AccountSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    role: RoleSchema,
    scope: AccessScopeSchema,
    rootAreaIds: Type.Immutable(Type.Array(Type.String(), { description: 'Where a view of everything this account may see starts.' })),
    wall: Type.Optional(WallViewSchema),
  },
  { additionalProperties: false },
);

export const LoginBodySchema = Type.Object(
  {
    username: SafeText({ minLength: 1, maxLength: MAX_USERNAME_LENGTH }),
    password: SafeText({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object(
  {
    token: Type.String({ description: 'Send it as Authorization: Bearer <token>.' }),
    expiresAt: Type.Integer({ description: 'Milliseconds since the Unix epoch; the session also ends when idle for SESSION_IDLE_MINUTES.' }),
    user: AccountSchema,
  },
  { additionalProperties: false },
);
