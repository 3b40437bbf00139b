import { ROLES } from '@gridsweep/core';
import { scopeSchema, userSchema } from '../auth/account-schemas.js';
import { errorResponses, idSchema } from '../shared/common-schemas.js';

export const listUsersSchema = {
  summary: 'Every account, revoked ones included',
  tags: ['access'],
  response: { 200: { type: 'array', items: userSchema } },
} as const;

export const createUserSchema = {
  summary: 'Create an account',
  tags: ['access'],
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'displayName', 'role', 'scope', 'password'],
    properties: {
      username: idSchema,
      displayName: { type: 'string', minLength: 1, maxLength: 100 },
      role: { enum: ROLES },
      scope: scopeSchema,
      password: { type: 'string', minLength: 10, maxLength: 200, description: 'At least 10 characters.' },
    },
  },
  response: { 201: userSchema, ...errorResponses(400, 409) },
} as const;

export const revokeUserSchema = {
  summary: "Revoke an account: its sessions end and its sockets close (within 60 s on every server process)",
  tags: ['access'],
  params: { type: 'object', additionalProperties: false, required: ['userId'], properties: { userId: idSchema } },
  response: { 200: userSchema, ...errorResponses(400, 404) },
} as const;
