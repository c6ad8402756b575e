import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf } from '../../core/http/access.ts';
import { sessionCookieName, type HttpServer } from '../../core/http/http-server.ts';
import type { IdentityService, LoginResult } from './identity.service.ts';
import {
  AcceptInvitationBody,
  ApiTokenListSchema,
  ApiTokenSchema,
  ChangeRoleBody,
  CreateTokenBody,
  CreatedApiTokenSchema,
  CreatedInvitationSchema,
  IdParams,
  InvitationListSchema,
  InvitationSchema,
  InviteBody,
  LoginBody,
  MeSchema,
  MemberListSchema,
  MemberSchema,
  SignUpBody,
  SwitchTenantBody,
  TenantSchema,
  TenantUpdateBody,
  UserIdParams,
} from './identity.schemas.ts';

export interface IdentityRouteOptions {
  cookieSecure: 'auto' | 'true' | 'false';
}

const NoContent = { 204: Type.Null() };

export function registerIdentityRoutes(app: HttpServer, service: IdentityService, options: IdentityRouteOptions): void {
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, result: LoginResult): void => {
    reply.setCookie(sessionCookieName, result.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: options.cookieSecure === 'auto' ? request.protocol === 'https' : options.cookieSecure === 'true',
      expires: result.expiresAt,
    });
  };

  app.post('/api/auth/signup', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Create a tenant with its owner and log in', body: SignUpBody, response: { 201: MeSchema } },
    handler: async (request, reply) => {
      const result = await service.signUp(request.body, request.ip);
      setSessionCookie(request, reply, result);
      return reply.status(201).send(result.me);
    },
  });

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Log in; sets an httpOnly session cookie', body: LoginBody, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const result = await service.login(request.body, request.ip);
      setSessionCookie(request, reply, result);
      return result.me;
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'viewer' },
    schema: { tags: ['auth'], summary: 'End this login session', response: NoContent },
    handler: async (request, reply) => {
      await service.logout(principalOf(request));
      reply.clearCookie(sessionCookieName, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    config: { access: 'viewer' },
    schema: { tags: ['auth'], summary: 'The logged-in user, current tenant and role', response: { 200: MeSchema } },
    handler: async (request) => service.me(principalOf(request)),
  });

  app.post('/api/auth/switch-tenant', {
    config: { access: 'viewer' },
    schema: { tags: ['auth'], summary: 'Make another of your tenants the current one', body: SwitchTenantBody, response: { 200: MeSchema } },
    handler: async (request) => service.switchTenant(principalOf(request), request.body.tenantId),
  });

  app.post('/api/invitations/accept', {
    config: { access: 'public' },
    schema: { tags: ['users'], summary: 'Accept an invitation (creates the account if needed) and log in', body: AcceptInvitationBody, response: { 200: MeSchema } },
    handler: async (request, reply) => {
      const result = await service.acceptInvitation(request.body, request.ip);
      setSessionCookie(request, reply, result);
      return result.me;
    },
  });

  app.get('/api/tenant', {
    config: { access: 'viewer' },
    schema: { tags: ['tenant'], summary: 'The current tenant', response: { 200: TenantSchema } },
    handler: async (request) => service.currentTenant(principalOf(request)),
  });

  app.patch('/api/tenant', {
    config: { access: 'admin' },
    schema: { tags: ['tenant'], summary: 'Rename the current tenant', body: TenantUpdateBody, response: { 200: TenantSchema } },
    handler: async (request) => service.renameTenant(principalOf(request), request.body.name),
  });

  app.get('/api/users', {
    config: { access: 'viewer' },
    schema: { tags: ['users'], summary: "The tenant's members", response: { 200: MemberListSchema } },
    handler: async (request) => ({ items: await service.listMembers(principalOf(request)) }),
  });

  app.patch('/api/users/:userId', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: "Change a member's role", params: UserIdParams, body: ChangeRoleBody, response: { 200: MemberSchema } },
    handler: async (request) => service.changeRole(principalOf(request), request.params.userId, request.body.role),
  });

  app.delete('/api/users/:userId', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Remove a member from the tenant', params: UserIdParams, response: NoContent },
    handler: async (request, reply) => {
      await service.removeMember(principalOf(request), request.params.userId);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/users/invitations', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Invite someone by e-mail; the token is shown once', body: InviteBody, response: { 201: CreatedInvitationSchema } },
    handler: async (request, reply) => reply.status(201).send(await service.invite(principalOf(request), request.body)),
  });

  app.get('/api/users/invitations', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Invitations of this tenant', response: { 200: InvitationListSchema } },
    handler: async (request) => ({ items: await service.listInvitations(principalOf(request)) }),
  });

  app.delete('/api/users/invitations/:id', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Revoke an invitation', params: IdParams, response: { 200: InvitationSchema } },
    handler: async (request) => service.revokeInvitation(principalOf(request), request.params.id),
  });

  app.post('/api/tokens', {
    config: { access: 'admin' },
    schema: { tags: ['tokens'], summary: 'Create an API token; the secret is shown once', body: CreateTokenBody, response: { 201: CreatedApiTokenSchema } },
    handler: async (request, reply) => reply.status(201).send(await service.createApiToken(principalOf(request), request.body)),
  });

  app.get('/api/tokens', {
    config: { access: 'admin' },
    schema: { tags: ['tokens'], summary: "The tenant's API tokens (never their secrets)", response: { 200: ApiTokenListSchema } },
    handler: async (request) => ({ items: await service.listApiTokens(principalOf(request)) }),
  });

  app.delete('/api/tokens/:id', {
    config: { access: 'admin' },
    schema: { tags: ['tokens'], summary: 'Revoke an API token', params: IdParams, response: { 200: ApiTokenSchema } },
    handler: async (request) => service.revokeApiToken(principalOf(request), request.params.id),
  });
}
