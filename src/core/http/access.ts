import type { Role } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export type { Role };

export const roles: readonly Role[] = ['owner', 'admin', 'dispatcher', 'technician', 'viewer'];

// Who may call a route: anyone ('public') or a member whose role is at least this one.
export type Access = 'public' | Role;

// Higher rank includes every permission of a lower one.
const roleRank: Record<Role, number> = { viewer: 0, technician: 1, dispatcher: 2, admin: 3, owner: 4 };

export function hasRoleAtLeast(role: Role, minimum: Role): boolean {
  return roleRank[role] >= roleRank[minimum];
}

// The authenticated caller of a request: a user through a session, or an API token.
export interface Principal {
  tenantId: string;
  role: Role;
  userId: string | null;
  tokenId: string | null;
  sessionId: string | null;
}

export interface Authenticator {
  authenticate(credentials: { sessionToken?: string; bearerToken?: string }): Promise<Principal | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

// Inside a non-public route the access hook has already set the principal.
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Log in or send a valid API token');
  return request.principal;
}
