import { recordAudit, type Actor } from '../../core/audit/audit.ts';
import type { ReadThrough } from '../../core/cache/read-through.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import type { Role } from '../../core/db/schema.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { hasRoleAtLeast } from '../../core/http/access.ts';
import { newId } from '../../core/ids.ts';
import type { RateLimiter } from '../../core/rate-limit/rate-limiter.ts';
import type { IdentityRepo, ApiTokenRow, InvitationRow, MembershipWithTenant } from './identity.repo.ts';
import type {
  AcceptInvitationInput,
  ApiToken,
  CreateTokenInput,
  CreatedApiToken,
  CreatedInvitation,
  Invitation,
  InviteInput,
  LoginInput,
  Me,
  Member,
  SignUpInput,
} from './identity.schemas.ts';
import { hashPassword, hashSecret, newSecret, verifyAgainstDummy, verifyPassword } from './secrets.ts';

export interface IdentityServiceOptions {
  db: Database;
  reads: ReadThrough;
  repo: IdentityRepo;
  clock: Clock;
  loginLimiter: RateLimiter;
  sessionTtlHours: number;
  invitationTtlDays?: number;
}

export interface LoginResult {
  me: Me;
  sessionToken: string;
  expiresAt: Date;
}

export interface NewTenantInput {
  tenantSlug: string;
  tenantName: string;
  ownerEmail: string;
  ownerName: string;
  ownerPassword: string;
}

// Sessions slide: a session used after half its lifetime is extended, so active users stay in.
const touchTokenEveryMs = 60_000;

// Every request authenticates, so the credential lookup is cached. One tag covers all credentials:
// logouts, revocations and role changes are rare next to requests, and each of them must take
// effect at once on every instance.
const credentialsTag = 'auth:credentials';
const credentialTtlMs = 60_000;

interface CachedCredential {
  principal: Principal;
  expiresAt: string | null;
}

export class IdentityService {
  private readonly sessionTtlMs: number;
  private readonly invitationTtlMs: number;

  constructor(private readonly options: IdentityServiceOptions) {
    this.sessionTtlMs = options.sessionTtlHours * 3_600_000;
    this.invitationTtlMs = (options.invitationTtlDays ?? 7) * 86_400_000;
  }

  // Self-service sign-up: a new tenant with its owner, logged in at once.
  async signUp(input: SignUpInput, clientKey: string): Promise<LoginResult> {
    await this.throttleLogin(input.email, clientKey);
    const { tenantId, userId } = await this.createTenantWithOwner({
      tenantSlug: input.tenantSlug,
      tenantName: input.tenantName,
      ownerEmail: input.email,
      ownerName: input.name,
      ownerPassword: input.password,
    });
    return this.startSession(userId, tenantId);
  }

  // Also used by the CLI and the demo seed. Refuses a taken slug or an e-mail that already has an account.
  async createTenantWithOwner(input: NewTenantInput): Promise<{ tenantId: string; userId: string }> {
    const { db, repo } = this.options;
    const passwordHash = await hashPassword(input.ownerPassword);
    return db.asSystem(async (tx) => {
      if (await repo.findTenantBySlug(tx, input.tenantSlug)) {
        throw new AppError('conflict', `The tenant slug "${input.tenantSlug}" is taken`, { errors: [{ field: '/body/tenantSlug', rule: 'unique', message: 'is taken' }] });
      }
      if (await repo.findUserByEmail(tx, input.ownerEmail)) {
        throw new AppError('conflict', `An account with ${input.ownerEmail} exists; log in to join or create tenants`, {
          errors: [{ field: '/body/email', rule: 'unique', message: 'already has an account' }],
        });
      }
      const tenantId = newId();
      const userId = newId();
      await repo.insertTenant(tx, { id: tenantId, slug: input.tenantSlug, name: input.tenantName });
      await repo.insertUser(tx, { id: userId, email: input.ownerEmail, name: input.ownerName, passwordHash });
      await repo.insertMembership(tx, { tenantId, userId, role: 'owner' });
      const actor = { userId, tokenId: null };
      await recordAudit(tx, { tenantId, actor, action: 'tenant.created', entityType: 'tenant', entityId: tenantId, details: { slug: input.tenantSlug } });
      await recordEvent(tx, { tenantId, type: 'tenant.created', payload: { tenantId, ownerId: userId } });
      return { tenantId, userId };
    });
  }

  // Adds a user to a tenant directly (CLI `create-user`, demo seed); the API uses invitations.
  async addUser(tenantSlug: string, user: { email: string; name: string; password: string; role: Role }): Promise<{ userId: string; created: boolean }> {
    const { db, repo } = this.options;
    const passwordHash = await hashPassword(user.password);
    return db.asSystem(async (tx) => {
      const tenant = await repo.findTenantBySlug(tx, tenantSlug);
      if (!tenant) throw notFound(`Tenant "${tenantSlug}"`);
      const existing = await repo.findUserByEmail(tx, user.email);
      const userId = existing?.id ?? newId();
      if (!existing) await repo.insertUser(tx, { id: userId, email: user.email, name: user.name, passwordHash });
      if (await repo.findRole(tx, tenant.id, userId)) throw new AppError('conflict', `${user.email} is already a member of ${tenantSlug}`);
      await repo.insertMembership(tx, { tenantId: tenant.id, userId, role: user.role });
      await recordAudit(tx, { tenantId: tenant.id, actor: { userId: null, tokenId: null }, action: 'member.added', entityType: 'user', entityId: userId, details: { role: user.role } });
      return { userId, created: !existing };
    });
  }

  async login(input: LoginInput, clientKey: string): Promise<LoginResult> {
    await this.throttleLogin(input.email, clientKey);
    const { db, repo } = this.options;
    const user = await db.asSystem((tx) => repo.findUserByEmail(tx, input.email));
    const valid = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstDummy(input.password);
    if (!user || !valid) throw new AppError('unauthenticated', 'Wrong e-mail or password');
    const memberships = await db.asSystem((tx) => repo.listMembershipsOfUser(tx, user.id));
    const chosen = input.tenantSlug ? memberships.find((m) => m.tenant.slug === input.tenantSlug) : memberships[0];
    if (!chosen) {
      throw new AppError('forbidden', input.tenantSlug ? `You are not a member of "${input.tenantSlug}"` : 'Your account belongs to no tenant');
    }
    return this.startSession(user.id, chosen.tenant.id);
  }

  async logout(principal: Principal): Promise<void> {
    const { sessionId } = principal;
    if (!sessionId) return;
    await this.options.db.asSystem(async (tx) => {
      await this.options.repo.revokeSession(tx, sessionId, this.options.clock.now());
      await this.forgetCredentials();
    });
  }

  async authenticate(credentials: { sessionToken?: string; bearerToken?: string }): Promise<Principal | null> {
    const secret = credentials.bearerToken ?? credentials.sessionToken;
    if (!secret) return null;
    const kind = credentials.bearerToken ? 'token' : 'session';
    const cached = await this.options.reads.get<CachedCredential | null>({
      key: `auth:${kind}:${hashSecret(secret).toString('hex')}`,
      tags: [credentialsTag],
      ttlMs: credentialTtlMs,
      load: () => (kind === 'token' ? this.authenticateToken(secret) : this.authenticateSession(secret)),
      // Every authenticated request makes this lookup; counted, it would mask each route's own hit rate.
      countInRequest: false,
    });
    if (!cached) return null;
    if (cached.expiresAt && new Date(cached.expiresAt) <= this.options.clock.now()) return null;
    return cached.principal;
  }

  private async forgetCredentials(): Promise<void> {
    await this.options.db.afterCommit(() => this.options.reads.invalidate([credentialsTag]));
  }

  async me(principal: Principal): Promise<Me> {
    const userId = requireUser(principal);
    return this.describe(userId, principal.tenantId);
  }

  async switchTenant(principal: Principal, tenantId: string): Promise<Me> {
    const userId = requireUser(principal);
    const { db, repo } = this.options;
    const sessionId = principal.sessionId;
    if (!sessionId) throw new AppError('forbidden', 'Only a login session can switch tenants');
    await db.asSystem(async (tx) => {
      if (!(await repo.findRole(tx, tenantId, userId))) throw new AppError('forbidden', 'You are not a member of that tenant');
      await repo.setSessionTenant(tx, sessionId, tenantId);
      await this.forgetCredentials();
    });
    return this.describe(userId, tenantId);
  }

  async listMembers(principal: Principal): Promise<Member[]> {
    const rows = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.listMembers(tx, principal.tenantId));
    return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
  }

  async changeRole(principal: Principal, userId: string, role: Role): Promise<Member> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findRole(tx, principal.tenantId, userId);
      if (!current) throw notFound('Member');
      // Only an owner may make or unmake owners; the last owner cannot be demoted.
      if ((current === 'owner' || role === 'owner') && principal.role !== 'owner') throw new AppError('forbidden', 'Only an owner can grant or take the owner role');
      if (current === 'owner' && role !== 'owner' && (await repo.countOwners(tx, principal.tenantId)) === 1) {
        throw new AppError('conflict', 'A tenant needs at least one owner; make someone else owner first');
      }
      await repo.updateRole(tx, principal.tenantId, userId, role, clock.now());
      await this.forgetCredentials();
      await recordAudit(tx, { tenantId: principal.tenantId, actor: actorOf(principal), action: 'member.role_changed', entityType: 'user', entityId: userId, details: { from: current, to: role } });
      const member = (await repo.listMembers(tx, principal.tenantId)).find((m) => m.id === userId);
      if (!member) throw notFound('Member');
      return { ...member, joinedAt: member.joinedAt.toISOString() };
    });
  }

  async removeMember(principal: Principal, userId: string): Promise<void> {
    const { db, repo } = this.options;
    await db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findRole(tx, principal.tenantId, userId);
      if (!current) throw notFound('Member');
      if (current === 'owner' && principal.role !== 'owner') throw new AppError('forbidden', 'Only an owner can remove an owner');
      if (current === 'owner' && (await repo.countOwners(tx, principal.tenantId)) === 1) throw new AppError('conflict', 'The last owner cannot be removed');
      await repo.deleteMembership(tx, principal.tenantId, userId);
      await this.forgetCredentials();
      await recordAudit(tx, { tenantId: principal.tenantId, actor: actorOf(principal), action: 'member.removed', entityType: 'user', entityId: userId, details: { role: current } });
    });
  }

  async invite(principal: Principal, input: InviteInput): Promise<CreatedInvitation> {
    assertMayGrant(principal, input.role);
    const { db, repo, clock } = this.options;
    const token = newSecret('pji');
    const expiresAt = new Date(clock.now().getTime() + this.invitationTtlMs);
    return db.inTenant(principal.tenantId, async (tx) => {
      const members = await repo.listMembers(tx, principal.tenantId);
      if (members.some((m) => m.email.toLowerCase() === input.email.toLowerCase())) throw new AppError('conflict', `${input.email} is already a member`);
      const invitation = await repo.insertInvitation(tx, { id: newId(), tenantId: principal.tenantId, email: input.email, role: input.role, expiresAt, tokenHash: hashSecret(token), invitedBy: principal.userId });
      await recordAudit(tx, { tenantId: principal.tenantId, actor: actorOf(principal), action: 'member.invited', entityType: 'invitation', entityId: invitation.id, details: { email: input.email, role: input.role } });
      await recordEvent(tx, { tenantId: principal.tenantId, type: 'member.invited', payload: { invitationId: invitation.id, email: input.email, role: input.role } });
      return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString(), token };
    });
  }

  async listInvitations(principal: Principal): Promise<Invitation[]> {
    const rows = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.listInvitations(tx, principal.tenantId));
    return rows.map((row) => this.toInvitation(row));
  }

  async revokeInvitation(principal: Principal, id: string): Promise<Invitation> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const row = await repo.revokeInvitation(tx, principal.tenantId, id, clock.now());
      if (!row) throw notFound('Invitation');
      await recordAudit(tx, { tenantId: principal.tenantId, actor: actorOf(principal), action: 'invitation.revoked', entityType: 'invitation', entityId: id });
      return this.toInvitation(row);
    });
  }

  // The invitee proves the invitation with its token; a new account is made, or an existing
  // account joins after proving its password.
  async acceptInvitation(input: AcceptInvitationInput, clientKey: string): Promise<LoginResult> {
    const { db, repo, clock } = this.options;
    const tokenHash = hashSecret(input.token);
    const invitation = await db.asSystem((tx) => repo.findInvitationByHash(tx, tokenHash));
    await this.throttleLogin(invitation?.email ?? 'unknown-invitation', clientKey);
    if (!invitation || this.invitationStatus(invitation) !== 'pending') {
      throw new AppError('not_found', 'This invitation is unknown, used, revoked or expired; ask for a new one');
    }
    const existing = await db.asSystem((tx) => repo.findUserByEmail(tx, invitation.email));
    if (existing && !(await verifyPassword(input.password, existing.passwordHash))) {
      throw new AppError('unauthenticated', `An account with ${invitation.email} exists: enter its password to join`);
    }
    const passwordHash = existing ? existing.passwordHash : await hashPassword(input.password);
    const userId = await db.asSystem(async (tx) => {
      const id = existing?.id ?? newId();
      if (!existing) await repo.insertUser(tx, { id, email: invitation.email, name: input.name, passwordHash });
      if (!(await repo.findRole(tx, invitation.tenantId, id))) await repo.insertMembership(tx, { tenantId: invitation.tenantId, userId: id, role: invitation.role });
      await repo.markInvitationAccepted(tx, invitation.id, id, clock.now());
      await recordAudit(tx, { tenantId: invitation.tenantId, actor: { userId: id, tokenId: null }, action: 'invitation.accepted', entityType: 'invitation', entityId: invitation.id });
      return id;
    });
    return this.startSession(userId, invitation.tenantId);
  }

  async createApiToken(principal: Principal, input: CreateTokenInput): Promise<CreatedApiToken> {
    assertMayGrant(principal, input.role);
    const { db, repo, clock } = this.options;
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= clock.now()) throw new AppError('invalid_input', 'expiresAt must be in the future', { errors: [{ field: '/body/expiresAt', rule: 'future', message: 'must be in the future' }] });
    const token = newSecret('pjt');
    return db.inTenant(principal.tenantId, async (tx) => {
      const row = await repo.insertApiToken(tx, {
        id: newId(),
        tenantId: principal.tenantId,
        name: input.name,
        role: input.role,
        prefix: token.slice(0, 12),
        expiresAt,
        tokenHash: hashSecret(token),
        createdBy: principal.userId,
      });
      await recordAudit(tx, { tenantId: principal.tenantId, actor: actorOf(principal), action: 'api_token.created', entityType: 'api_token', entityId: row.id, details: { name: input.name, role: input.role } });
      return { ...toApiToken(row), token };
    });
  }

  async listApiTokens(principal: Principal): Promise<ApiToken[]> {
    const rows = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.listApiTokens(tx, principal.tenantId));
    return rows.map(toApiToken);
  }

  async revokeApiToken(principal: Principal, id: string): Promise<ApiToken> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const row = await repo.revokeApiToken(tx, principal.tenantId, id, clock.now());
      if (!row) throw notFound('API token');
      await this.forgetCredentials();
      await recordAudit(tx, { tenantId: principal.tenantId, actor: actorOf(principal), action: 'api_token.revoked', entityType: 'api_token', entityId: id });
      return toApiToken(row);
    });
  }

  async renameTenant(principal: Principal, name: string): Promise<{ id: string; slug: string; name: string }> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      await repo.renameTenant(tx, principal.tenantId, name, clock.now());
      await recordAudit(tx, { tenantId: principal.tenantId, actor: actorOf(principal), action: 'tenant.renamed', entityType: 'tenant', entityId: principal.tenantId, details: { name } });
      const tenant = await repo.findTenant(tx, principal.tenantId);
      if (!tenant) throw notFound('Tenant');
      return tenant;
    });
  }

  async currentTenant(principal: Principal): Promise<{ id: string; slug: string; name: string }> {
    const tenant = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.findTenant(tx, principal.tenantId));
    if (!tenant) throw notFound('Tenant');
    return tenant;
  }

  // For other modules (e.g. a customer's owner must be a member).
  async isMember(tenantId: string, userId: string): Promise<boolean> {
    return (await this.options.db.inTenant(tenantId, (tx) => this.options.repo.findRole(tx, tenantId, userId))) !== undefined;
  }

  // Operators see process-wide data: tenants named in the configuration, or, when none are named,
  // the only tenant of a single-company installation.
  async isOperatorTenant(tenantId: string, operatorSlugs: readonly string[]): Promise<boolean> {
    const { db, repo } = this.options;
    if (operatorSlugs.length > 0) {
      const tenant = await db.asSystem((tx) => repo.findTenant(tx, tenantId));
      return tenant !== undefined && operatorSlugs.includes(tenant.slug);
    }
    const tenants = await db.asSystem((tx) => repo.someTenantSlugs(tx, 2));
    return tenants.length === 1 && tenants[0]?.id === tenantId;
  }

  async hasAnyTenant(): Promise<boolean> {
    return this.options.db.asSystem((tx) => this.options.repo.hasAnyTenant(tx));
  }

  async findTenantBySlug(slug: string): Promise<{ id: string; slug: string; name: string } | undefined> {
    return this.options.db.asSystem((tx) => this.options.repo.findTenantBySlug(tx, slug));
  }

  private async throttleLogin(email: string, clientKey: string): Promise<void> {
    // Two buckets: one per account (guessing one password from many addresses) and one per
    // client address (trying many accounts from one place).
    const limiter = this.options.loginLimiter;
    for (const key of [`email:${email.toLowerCase()}`, `client:${clientKey}`]) {
      const result = await limiter.consume(key);
      if (!result.allowed) {
        const retryAfterSeconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
        throw new AppError('rate_limited', `Too many login attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
      }
    }
  }

  private async startSession(userId: string, tenantId: string): Promise<LoginResult> {
    const { db, repo, clock } = this.options;
    const sessionToken = newSecret('pjs');
    const expiresAt = new Date(clock.now().getTime() + this.sessionTtlMs);
    await db.asSystem((tx) => repo.insertSession(tx, { id: newId(), tokenHash: hashSecret(sessionToken), userId, activeTenantId: tenantId, expiresAt }));
    return { me: await this.describe(userId, tenantId), sessionToken, expiresAt };
  }

  private async authenticateSession(token: string): Promise<CachedCredential | null> {
    const { db, repo, clock } = this.options;
    const now = clock.now();
    return db.asSystem(async (tx) => {
      const session = await repo.findLiveSession(tx, hashSecret(token), now);
      if (!session) return null;
      const role = await repo.findRole(tx, session.activeTenantId, session.userId);
      if (!role) return null;
      const expiresAt = new Date(now.getTime() + this.sessionTtlMs);
      if (session.expiresAt.getTime() - now.getTime() < this.sessionTtlMs / 2) await repo.extendSession(tx, session.id, now, expiresAt);
      else expiresAt.setTime(session.expiresAt.getTime());
      return { principal: { tenantId: session.activeTenantId, role, userId: session.userId, tokenId: null, sessionId: session.id }, expiresAt: expiresAt.toISOString() };
    });
  }

  private async authenticateToken(token: string): Promise<CachedCredential | null> {
    const { db, repo, clock } = this.options;
    const now = clock.now();
    return db.asSystem(async (tx) => {
      const row = await repo.findLiveApiToken(tx, hashSecret(token), now);
      if (!row) return null;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > touchTokenEveryMs) await repo.touchApiToken(tx, row.id, now);
      return { principal: { tenantId: row.tenantId, role: row.role, userId: null, tokenId: row.id, sessionId: null }, expiresAt: row.expiresAt?.toISOString() ?? null };
    });
  }

  private async describe(userId: string, tenantId: string): Promise<Me> {
    const { db, repo } = this.options;
    return db.asSystem(async (tx) => {
      const user = await repo.findUser(tx, userId);
      const memberships = await repo.listMembershipsOfUser(tx, userId);
      const current = memberships.find((m: MembershipWithTenant) => m.tenant.id === tenantId);
      if (!user || !current) throw new AppError('unauthenticated', 'Your session no longer matches a membership; log in again');
      return { user, tenant: current.tenant, role: current.role, memberships };
    });
  }

  private invitationStatus(row: InvitationRow): Invitation['status'] {
    if (row.revokedAt) return 'revoked';
    if (row.acceptedAt) return 'accepted';
    if (row.expiresAt <= this.options.clock.now()) return 'expired';
    return 'pending';
  }

  private toInvitation(row: InvitationRow): Invitation {
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      status: this.invitationStatus(row),
    };
  }
}

function requireUser(principal: Principal): string {
  if (!principal.userId) throw new AppError('forbidden', 'This needs a user login, not an API token');
  return principal.userId;
}

function actorOf(principal: Principal): Actor {
  return { userId: principal.userId, tokenId: principal.tokenId };
}

// Nobody hands out more power than they hold.
function assertMayGrant(principal: Principal, role: Role): void {
  if (!hasRoleAtLeast(principal.role, role)) throw new AppError('forbidden', `You cannot grant the ${role} role`);
}

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
