import type { AccessScope, Role } from '@gridsweep/core';
import type { FastifyInstance } from 'fastify';

export interface SignedIn {
  readonly username: string;
  readonly token: string;
  readonly auth: { readonly authorization: string };
}

/** Creates an account on the app's database and signs it in through the real login route. */
export async function signIn(app: FastifyInstance, username: string, role: Role, scope: AccessScope): Promise<SignedIn> {
  const password = `${username}-password`;
  await app.access.users.create({ username, displayName: username, role, scope, password });
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`);
  const token = response.json<{ token: string }>().token;
  return { username, token, auth: { authorization: `Bearer ${token}` } };
}

export function wallAuth(app: FastifyInstance): SignedIn {
  return { username: 'wall', token: app.access.wallToken, auth: { authorization: `Bearer ${app.access.wallToken}` } };
}

/** Personal data of the small territory: what no masked answer may contain. */
export const PERSONAL_DATA = ['张三', '李四', '13800000000'];
