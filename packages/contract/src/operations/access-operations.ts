import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { operation, publicOperation } from '../operation.js';
import { AccountSchema, LoginBodySchema, NewUserSchema, SessionSchema, UserSchema } from '../schemas/accounts.js';
import { AuditEntrySchema, AuditQuerySchema } from '../schemas/audit-entry.js';
import { errorResponses } from '../schemas/error-body.js';
import { RevealRatesQuerySchema, RevealRatesSchema } from '../schemas/reveal-rates.js';

export const login = publicOperation('POST', '/api/v1/auth/login', {
  operationId: 'login',
  summary: 'Sign in with a username and password; answers a session token for Authorization: Bearer',
  description: 'Ten wrong passwords for one username within 15 minutes lock it for a while: 429 with Retry-After.',
  tags: ['access'],
  body: LoginBodySchema,
  response: { 200: SessionSchema, ...errorResponses(400, 401, 429) },
});

export const logout = operation('POST', '/api/v1/auth/logout', {
  operationId: 'logout',
  summary: 'End this session; its sockets close too',
  tags: ['access'],
  response: { 204: Type.Null({ description: 'The session is over.' }) },
});

export const getCurrentAccount = operation('GET', '/api/v1/auth/me', {
  operationId: 'getCurrentAccount',
  summary: 'Who the credential belongs to, and what it covers',
  tags: ['access'],
  response: { 200: AccountSchema },
});

export const listUsers = operation('GET', '/api/v1/users', {
  operationId: 'listUsers',
  summary: 'Every account, revoked ones included',
  tags: ['access'],
  response: { 200: Type.Immutable(Type.Array(UserSchema)) },
});

export const createUser = operation('POST', '/api/v1/users', {
  operationId: 'createUser',
  summary: 'Create an account',
  tags: ['access'],
  body: NewUserSchema,
  response: { 201: UserSchema, ...errorResponses(400, 409) },
});

export const revokeUser = operation('POST', '/api/v1/users/:userId/revoke', {
  operationId: 'revokeUser',
  summary: 'Revoke an account: its sessions end and its sockets close (within 60 s on every server process)',
  tags: ['access'],
  params: Type.Object({ userId: IdSchema }, { additionalProperties: false }),
  response: { 200: UserSchema, ...errorResponses(400, 404) },
});

export const listAuditEntries = operation('GET', '/api/v1/audit', {
  operationId: 'listAuditEntries',
  summary: 'The audit log, newest first: every reveal, write and sign-in',
  tags: ['access'],
  querystring: AuditQuerySchema,
  response: { 200: Type.Immutable(Type.Array(AuditEntrySchema)), ...errorResponses(400) },
});

export const listRevealRates = operation('GET', '/api/v1/audit/reveal-rates', {
  operationId: 'listRevealRates',
  summary: "Each user's reveals of personal data over a window, the unusual ones flagged",
  description:
    'Read from the audit log. A user is unusual when their reveals exceed 75 % of what the per-user limit allows over the window (near-limit), ' +
    'when they revealed at least 10 and at least five times the median of the users who revealed in the window (far-above-median), ' +
    'or when the limit refused one of their reveals (refused).',
  tags: ['access'],
  querystring: RevealRatesQuerySchema,
  response: { 200: RevealRatesSchema, ...errorResponses(400) },
});
