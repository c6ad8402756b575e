// Typed client for the Pasja HTTP API. The session lives in an httpOnly cookie set by the
// server, so every call sends same-origin credentials and nothing here touches tokens.

export const roles = ['owner', 'admin', 'dispatcher', 'technician', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

export interface Membership {
  tenant: TenantRef;
  role: Role;
}

export interface Me {
  user: { id: string; email: string; name: string };
  tenant: TenantRef;
  role: Role;
  memberships: Membership[];
}

export interface TenantUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface UserList {
  items: TenantUser[];
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  token: string;
  expiresAt: string;
}

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

// RFC 9457 problem details as the server sends them.
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  // On 409 for a stale If-Match: the record's version on the server now.
  currentVersion?: number;
  // On a refused business rule (dispatch): which one, e.g. no_location, no_qualified_technician.
  reason?: string;
}

// status 0 means the request never got an HTTP answer (offline, server down).
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fieldErrors: FieldError[];
  // The server's human-readable explanation, when it sent one.
  readonly detail: string | undefined;
  readonly currentVersion: number | undefined;
  readonly reason: string | undefined;

  constructor(status: number, problem: Problem, fallbackMessage: string) {
    super(problem.detail ?? problem.title ?? fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.detail = problem.detail ?? problem.title;
    this.code = problem.code;
    this.fieldErrors = problem.errors ?? [];
    this.currentVersion = problem.currentVersion;
    this.reason = problem.reason;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  get isAborted(): boolean {
    return this.status === 0 && this.code === 'aborted';
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  // Optimistic concurrency: sent as If-Match: "<version>".
  ifMatch?: number;
  // Aborted requests reject with an ApiError whose code is 'aborted'.
  signal?: AbortSignal;
}

export async function requestJson<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(method, path, headers, body === undefined ? undefined : JSON.stringify(body), options);
}

// A file as the raw request body with its own content type (photos, PDFs); the answer is JSON.
export function uploadFile<T>(path: string, file: Blob, contentType: string, options: RequestOptions = {}): Promise<T> {
  return send<T>('POST', path, { 'content-type': contentType }, file, options);
}

async function send<T>(method: Method, path: string, headers: Record<string, string>, body: BodyInit | undefined, options: RequestOptions): Promise<T> {
  headers.accept = 'application/json, application/problem+json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers, body: body ?? null, signal: options.signal ?? null });
  } catch (cause) {
    const aborted = options.signal?.aborted === true;
    throw new ApiError(0, { code: aborted ? 'aborted' : 'network' }, cause instanceof Error ? cause.message : 'Network error');
  }

  if (!response.ok) throw new ApiError(response.status, await readProblem(response), fallbackText(response));
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json();
  // The server's response schemas are the contract; the client trusts them rather than re-validating.
  return payload as T;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return {};
  try {
    const payload: unknown = await response.json();
    return isRecord(payload) ? toProblem(payload) : {};
  } catch {
    return {};
  }
}

function toProblem(payload: Record<string, unknown>): Problem {
  const problem: Problem = {};
  if (typeof payload.type === 'string') problem.type = payload.type;
  if (typeof payload.title === 'string') problem.title = payload.title;
  if (typeof payload.status === 'number') problem.status = payload.status;
  if (typeof payload.detail === 'string') problem.detail = payload.detail;
  if (typeof payload.code === 'string') problem.code = payload.code;
  if (Array.isArray(payload.errors)) problem.errors = payload.errors.filter(isFieldError);
  if (typeof payload.currentVersion === 'number') problem.currentVersion = payload.currentVersion;
  else if (isRecord(payload.details) && typeof payload.details.currentVersion === 'number') {
    problem.currentVersion = payload.details.currentVersion;
  }
  return problem;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';
}

function fallbackText(response: Response): string {
  return response.statusText ? `HTTP ${response.status} ${response.statusText}` : `HTTP ${response.status}`;
}

export const api = {
  login: (email: string, password: string): Promise<Me> =>
    requestJson<Me>('POST', '/api/auth/login', { email, password }),
  logout: (): Promise<void> => requestJson<void>('POST', '/api/auth/logout'),
  getMe: (): Promise<Me> => requestJson<Me>('GET', '/api/auth/me'),
  switchTenant: (tenantId: string): Promise<Me> =>
    requestJson<Me>('POST', '/api/auth/switch-tenant', { tenantId }),
  listUsers: (): Promise<UserList> => requestJson<UserList>('GET', '/api/users'),
  inviteUser: (email: string, role: Role): Promise<Invitation> =>
    requestJson<Invitation>('POST', '/api/users/invitations', { email, role }),
  acceptInvitation: (token: string, name: string, password: string): Promise<Me> =>
    requestJson<Me>('POST', '/api/invitations/accept', { token, name, password }),
};

// Returns the signed-in user, or null when the server says there is no session.
export async function getMeOrNull(): Promise<Me | null> {
  try {
    return await api.getMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function canInvite(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

// Importing region boundaries replaces shared data: owners and admins only (the server enforces it).
export function canManageRegions(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

// Viewers only look; everyone else records customers, contacts, sites and the timeline.
export function canEditCrm(role: Role): boolean {
  return role !== 'viewer';
}

// The server's order of roles: each includes what the ones below it may do.
const roleRank: Record<Role, number> = { viewer: 0, technician: 1, dispatcher: 2, admin: 3, owner: 4 };

// Changing or removing what was recorded (contacts, sites, notes, interactions, reminders) is for
// dispatchers and up: the server refuses it to technicians, even for their own notes.
export function canChangeCrmRecords(role: Role): boolean {
  return canEditCrm(role) && roleRank[role] >= roleRank.dispatcher;
}

// Deleting and restoring a whole customer: owners and admins only (the server enforces it).
export function canDeleteCustomers(role: Role): boolean {
  return roleRank[role] >= roleRank.admin;
}

// Opening jobs, registering equipment and agreeing maintenance plans: the office (dispatchers and up).
export function canDispatch(role: Role): boolean {
  return roleRank[role] >= roleRank.dispatcher;
}

// Work on a job (lines, checklist, notes, sign-off, photos, F-gas entries): technicians and up.
export function canWorkOnJobs(role: Role): boolean {
  return roleRank[role] >= roleRank.technician;
}

// Running the maintenance scheduler by hand: owners and admins (the server enforces it).
export function canRunScheduler(role: Role): boolean {
  return roleRank[role] >= roleRank.admin;
}

// The company's job settings (SLA targets, default VAT rate, checklists): owners and admins.
export function canChangeSettings(role: Role): boolean {
  return roleRank[role] >= roleRank.admin;
}

// Only an owner may hand out ownership; the server enforces this too.
export function invitableRoles(inviter: Role): readonly Role[] {
  return inviter === 'owner' ? roles : roles.filter((role) => role !== 'owner');
}
