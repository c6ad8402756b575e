import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import type { Role } from '../../core/db/schema.ts';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
}

export interface MembershipWithTenant {
  tenant: TenantRow;
  role: Role;
}

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

export interface SessionRow {
  id: string;
  userId: string;
  activeTenantId: string;
  expiresAt: Date;
}

export interface ApiTokenRow {
  id: string;
  tenantId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface InvitationRow {
  id: string;
  tenantId: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const tokenColumns = ['id', 'tenant_id', 'name', 'role', 'token_prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;
const invitationColumns = ['id', 'tenant_id', 'email', 'role', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'] as const;

// All SQL of the identity domain. Methods marked (system) run before a tenant is known
// (login, token lookup) and are called only inside db.asSystem.
export class IdentityRepo {
  async insertTenant(tx: Tx, tenant: TenantRow): Promise<void> {
    await tx.insertInto('tenants').values(tenant).execute();
  }

  // (system) at most `limit` tenant slugs, to tell a single-company installation from a shared one
  async someTenantSlugs(tx: Tx, limit: number): Promise<Array<{ id: string; slug: string }>> {
    return tx.selectFrom('tenants').select(['id', 'slug']).orderBy('created_at').limit(limit).execute();
  }

  // (system)
  async hasAnyTenant(tx: Tx): Promise<boolean> {
    const row = await tx.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async findTenantBySlug(tx: Tx, slug: string): Promise<TenantRow | undefined> {
    return tx.selectFrom('tenants').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
  }

  async findTenant(tx: Tx, id: string): Promise<TenantRow | undefined> {
    return tx.selectFrom('tenants').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
  }

  async renameTenant(tx: Tx, id: string, name: string, now: Date): Promise<boolean> {
    const result = await tx
      .updateTable('tenants')
      .set({ name, updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async insertUser(tx: Tx, user: UserRow): Promise<void> {
    await tx.insertInto('users').values({ id: user.id, email: user.email, name: user.name, password_hash: user.passwordHash }).execute();
  }

  // (system)
  async findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
    const row = await tx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'password_hash'])
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    return row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash };
  }

  async findUser(tx: Tx, id: string): Promise<Omit<UserRow, 'passwordHash'> | undefined> {
    return tx.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', id).executeTakeFirst();
  }

  async insertMembership(tx: Tx, membership: { tenantId: string; userId: string; role: Role }): Promise<void> {
    await tx.insertInto('memberships').values({ tenant_id: membership.tenantId, user_id: membership.userId, role: membership.role }).execute();
  }

  async findRole(tx: Tx, tenantId: string, userId: string): Promise<Role | undefined> {
    const row = await tx.selectFrom('memberships').select('role').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
    return row?.role;
  }

  // (system) every tenant the user belongs to, for the tenant switcher
  async listMembershipsOfUser(tx: Tx, userId: string): Promise<MembershipWithTenant[]> {
    const rows = await tx
      .selectFrom('memberships as m')
      .innerJoin('tenants as t', 't.id', 'm.tenant_id')
      .select(['t.id', 't.slug', 't.name', 'm.role'])
      .where('m.user_id', '=', userId)
      .orderBy('t.name')
      .execute();
    return rows.map((row) => ({ tenant: { id: row.id, slug: row.slug, name: row.name }, role: row.role }));
  }

  async listMembers(tx: Tx, tenantId: string): Promise<MemberRow[]> {
    const rows = await tx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email', 'u.name', 'm.role', 'm.created_at'])
      .where('m.tenant_id', '=', tenantId)
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
    return rows.map((row) => ({ id: row.id, email: row.email, name: row.name, role: row.role, joinedAt: row.created_at }));
  }

  async updateRole(tx: Tx, tenantId: string, userId: string, role: Role, now: Date): Promise<boolean> {
    const result = await tx
      .updateTable('memberships')
      .set({ role, updated_at: now, version: sql`version + 1` })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async deleteMembership(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
    const result = await tx.deleteFrom('memberships').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async countOwners(tx: Tx, tenantId: string): Promise<number> {
    const row = await tx
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('tenant_id', '=', tenantId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  // (system)
  async insertSession(tx: Tx, session: SessionRow & { tokenHash: Buffer }): Promise<void> {
    await tx
      .insertInto('sessions')
      .values({ id: session.id, token_hash: session.tokenHash, user_id: session.userId, active_tenant_id: session.activeTenantId, expires_at: session.expiresAt })
      .execute();
  }

  // (system)
  async findLiveSession(tx: Tx, tokenHash: Buffer, now: Date): Promise<SessionRow | undefined> {
    const row = await tx
      .selectFrom('sessions')
      .select(['id', 'user_id', 'active_tenant_id', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && { id: row.id, userId: row.user_id, activeTenantId: row.active_tenant_id, expiresAt: row.expires_at };
  }

  // (system)
  async extendSession(tx: Tx, id: string, now: Date, expiresAt: Date): Promise<void> {
    await tx.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
  }

  // (system)
  async setSessionTenant(tx: Tx, id: string, tenantId: string): Promise<void> {
    await tx.updateTable('sessions').set({ active_tenant_id: tenantId }).where('id', '=', id).execute();
  }

  // (system)
  async revokeSession(tx: Tx, id: string, now: Date): Promise<void> {
    await tx.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).execute();
  }

  async insertApiToken(tx: Tx, token: Omit<ApiTokenRow, 'lastUsedAt' | 'revokedAt' | 'createdAt'> & { tokenHash: Buffer; createdBy: string | null }): Promise<ApiTokenRow> {
    const row = await tx
      .insertInto('api_tokens')
      .values({
        id: token.id,
        tenant_id: token.tenantId,
        name: token.name,
        role: token.role,
        token_hash: token.tokenHash,
        token_prefix: token.prefix,
        created_by: token.createdBy,
        expires_at: token.expiresAt,
      })
      .returning(tokenColumns)
      .executeTakeFirstOrThrow();
    return toApiToken(row);
  }

  // (system)
  async findLiveApiToken(tx: Tx, tokenHash: Buffer, now: Date): Promise<ApiTokenRow | undefined> {
    const row = await tx
      .selectFrom('api_tokens')
      .select(tokenColumns)
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return row && toApiToken(row);
  }

  // (system) throttled by the caller: a token used in a tight loop need not write every time
  async touchApiToken(tx: Tx, id: string, now: Date): Promise<void> {
    await tx.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  async listApiTokens(tx: Tx, tenantId: string): Promise<ApiTokenRow[]> {
    const rows = await tx.selectFrom('api_tokens').select(tokenColumns).where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toApiToken);
  }

  async revokeApiToken(tx: Tx, tenantId: string, id: string, now: Date): Promise<ApiTokenRow | undefined> {
    const row = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: sql`coalesce(revoked_at, ${now})` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning(tokenColumns)
      .executeTakeFirst();
    return row && toApiToken(row);
  }

  async insertInvitation(tx: Tx, invitation: Omit<InvitationRow, 'acceptedAt' | 'revokedAt' | 'createdAt'> & { tokenHash: Buffer; invitedBy: string | null }): Promise<InvitationRow> {
    const row = await tx
      .insertInto('invitations')
      .values({
        id: invitation.id,
        tenant_id: invitation.tenantId,
        email: invitation.email,
        role: invitation.role,
        token_hash: invitation.tokenHash,
        invited_by: invitation.invitedBy,
        expires_at: invitation.expiresAt,
      })
      .returning(invitationColumns)
      .executeTakeFirstOrThrow();
    return toInvitation(row);
  }

  // (system)
  async findInvitationByHash(tx: Tx, tokenHash: Buffer): Promise<InvitationRow | undefined> {
    const row = await tx.selectFrom('invitations').select(invitationColumns).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toInvitation(row);
  }

  async listInvitations(tx: Tx, tenantId: string): Promise<InvitationRow[]> {
    const rows = await tx.selectFrom('invitations').select(invitationColumns).where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toInvitation);
  }

  async markInvitationAccepted(tx: Tx, id: string, userId: string, now: Date): Promise<void> {
    await tx.updateTable('invitations').set({ accepted_at: now, accepted_by: userId }).where('id', '=', id).execute();
  }

  async revokeInvitation(tx: Tx, tenantId: string, id: string, now: Date): Promise<InvitationRow | undefined> {
    const row = await tx
      .updateTable('invitations')
      .set({ revoked_at: sql`coalesce(revoked_at, ${now})` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning(invitationColumns)
      .executeTakeFirst();
    return row && toInvitation(row);
  }
}

type TokenRecord = { id: string; tenant_id: string; name: string; role: Role; token_prefix: string; created_at: Date; last_used_at: Date | null; expires_at: Date | null; revoked_at: Date | null };
function toApiToken(row: TokenRecord): ApiTokenRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    role: row.role,
    prefix: row.token_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

type InvitationRecord = { id: string; tenant_id: string; email: string; role: Role; created_at: Date; expires_at: Date; accepted_at: Date | null; revoked_at: Date | null };
function toInvitation(row: InvitationRecord): InvitationRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}
