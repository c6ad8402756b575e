import autocannon from 'autocannon';
import type { App } from '../src/app.ts';
import type { Principal } from '../src/core/http/access.ts';

const benchOwner = { tenantSlug: 'bench', email: 'owner@bench.test', password: 'bench-password-1' };

// Shared by the benchmark scripts: a tenant with an owner and an API token, and an HTTP load
// generator against the app listening on a free loopback port.
export async function createBenchTenant(app: App): Promise<{ principal: Principal; token: string }> {
  const { tenantId, userId } = await app.identity.createTenantWithOwner({ tenantSlug: benchOwner.tenantSlug, tenantName: 'Bench Klima', ownerEmail: benchOwner.email, ownerName: 'Owner', ownerPassword: benchOwner.password });
  const principal: Principal = { tenantId, userId, role: 'owner', tokenId: null, sessionId: null };
  const { token } = await app.identity.createApiToken(principal, { name: 'bench', role: 'owner' });
  return { principal, token };
}

// The tenant createBenchTenant made in an earlier run, with a fresh API token.
export async function openBenchTenant(app: App): Promise<{ principal: Principal; token: string }> {
  const { me } = await app.identity.login({ email: benchOwner.email, password: benchOwner.password, tenantSlug: benchOwner.tenantSlug }, 'bench');
  const principal: Principal = { tenantId: me.tenant.id, userId: me.user.id, role: me.role, tokenId: null, sessionId: null };
  const { token } = await app.identity.createApiToken(principal, { name: 'bench', role: 'owner' });
  return { principal, token };
}

export type Load = (path: string, headers?: Record<string, string>) => Promise<autocannon.Result>;

export async function listenForLoad(app: App, options: { connections: number; seconds: number }): Promise<Load> {
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return async (path, headers = {}) => {
    const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: options.connections, duration: options.seconds, headers, workers: 1 });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return result;
  };
}
