import { ROLES } from '@gridsweep/core';
import { errorResponses } from '../shared/common-schemas.js';
import { scopeSchema } from './account-schemas.js';

const whoSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'username', 'role', 'scope', 'rootAreaIds'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    role: { enum: ROLES },
    scope: scopeSchema,
    rootAreaIds: { type: 'array', items: { type: 'string' }, description: 'Where a view of everything this account may see starts.' },
  },
} as const;

export const loginSchema = {
  summary: 'Sign in with a username and password; answers a session token for Authorization: Bearer',
  tags: ['access'],
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'password'],
    properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
  },
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['token', 'expiresAt', 'user'],
      properties: {
        token: { type: 'string' },
        expiresAt: { type: 'integer', description: 'Milliseconds since the Unix epoch; the session also ends when idle for SESSION_IDLE_MINUTES.' },
        user: whoSchema,
      },
    },
    ...errorResponses(400, 401, 429),
  },
} as const;

export const logoutSchema = {
  summary: 'End this session; its sockets close too',
  tags: ['access'],
  response: { 204: { type: 'null' } },
} as const;

export const meSchema = {
  summary: 'Who the credential belongs to, and what it covers',
  tags: ['access'],
  response: { 200: whoSchema },
} as const;
