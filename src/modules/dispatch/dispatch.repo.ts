import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import type { TimedRoute } from './day-plan.ts';

export interface VisitRow {
  jobId: string;
  technicianId: string;
  visitDate: string;
  sequence: number;
  plannedStart: Date;
  plannedEnd: Date;
  travelMinutes: number;
  eta: Date | null;
  locked: boolean;
  proposalId: string | null;
  version: number;
}

export type NewVisit = Omit<VisitRow, 'version' | 'eta'> & { eta?: Date | null };

export interface ProposalRow {
  id: string;
  planDate: string;
  status: 'proposed' | 'accepted' | 'superseded';
  // Minutes since the day's start, as the planner computed them.
  routes: TimedRoute[];
  unassigned: Array<{ jobId: string; reason: string }>;
  travelMinutes: number;
  travelSource: 'straight_line' | 'osrm';
  solver: { iterations: number; milliseconds: number; seed: number };
  createdAt: Date;
  acceptedAt: Date | null;
}

const visitColumns = [
  'job_id as jobId',
  'technician_id as technicianId',
  sql<string>`visit_date::text`.as('visitDate'),
  'sequence',
  'planned_start as plannedStart',
  'planned_end as plannedEnd',
  'travel_minutes as travelMinutes',
  'eta',
  'locked',
  'proposal_id as proposalId',
  'version',
] as const;

export class DispatchRepo {
  async visitsOn(tx: Tx, date: string): Promise<VisitRow[]> {
    return tx.selectFrom('dispatch_visits').select(visitColumns).where('visit_date', '=', date).orderBy('technician_id').orderBy('sequence').execute();
  }

  async visitsOfTechnician(tx: Tx, technicianId: string, from: string, to: string): Promise<VisitRow[]> {
    return tx
      .selectFrom('dispatch_visits')
      .select(visitColumns)
      .where('technician_id', '=', technicianId)
      .where('visit_date', '>=', from)
      .where('visit_date', '<=', to)
      .orderBy('visit_date')
      .orderBy('sequence')
      .execute();
  }

  async visitOf(tx: Tx, jobId: string, options: { forUpdate?: boolean } = {}): Promise<VisitRow | undefined> {
    let query = tx.selectFrom('dispatch_visits').select(visitColumns).where('job_id', '=', jobId);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  // Which of these jobs have a visit on any day.
  async plannedJobIds(tx: Tx, jobIds: readonly string[]): Promise<Set<string>> {
    if (jobIds.length === 0) return new Set();
    const rows = await tx.selectFrom('dispatch_visits').select('job_id').where('job_id', 'in', jobIds).execute();
    return new Set(rows.map((row) => row.job_id));
  }

  // Serialises changes to one company's day: planning reads the day, decides, and writes it back.
  async lockDay(tx: Tx, tenantId: string, date: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`dispatch:${tenantId}:${date}`}, 0))`.execute(tx);
  }

  async upsertVisit(tx: Tx, tenantId: string, visit: NewVisit, now: Date): Promise<void> {
    const values = {
      technician_id: visit.technicianId,
      visit_date: visit.visitDate,
      sequence: visit.sequence,
      planned_start: visit.plannedStart,
      planned_end: visit.plannedEnd,
      travel_minutes: Math.round(visit.travelMinutes),
      eta: visit.eta ?? visit.plannedStart,
      eta_updated_at: now,
      locked: visit.locked,
      proposal_id: visit.proposalId,
      updated_at: now,
    };
    await tx
      .insertInto('dispatch_visits')
      .values({ job_id: visit.jobId, tenant_id: tenantId, ...values })
      .onConflict((conflict) => conflict.column('job_id').doUpdateSet({ ...values, version: sql<number>`dispatch_visits.version + 1` }))
      .execute();
  }

  async deleteVisit(tx: Tx, jobId: string): Promise<boolean> {
    const deleted = await tx.deleteFrom('dispatch_visits').where('job_id', '=', jobId).executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1;
  }

  async setEtas(tx: Tx, etas: ReadonlyArray<{ jobId: string; eta: Date }>, now: Date): Promise<void> {
    for (const { jobId, eta } of etas) await tx.updateTable('dispatch_visits').set({ eta, eta_updated_at: now }).where('job_id', '=', jobId).execute();
  }

  async insertProposal(tx: Tx, tenantId: string, proposal: Omit<ProposalRow, 'status' | 'createdAt' | 'acceptedAt'>, createdBy: string | null, now: Date): Promise<void> {
    await tx
      .insertInto('dispatch_proposals')
      .values({
        id: proposal.id,
        tenant_id: tenantId,
        plan_date: proposal.planDate,
        status: 'proposed',
        routes: JSON.stringify(proposal.routes),
        unassigned: JSON.stringify(proposal.unassigned),
        travel_minutes: proposal.travelMinutes,
        travel_source: proposal.travelSource,
        solver: JSON.stringify(proposal.solver),
        created_by: createdBy,
        created_at: now,
      })
      .execute();
  }

  async proposal(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ProposalRow | undefined> {
    let query = this.selectProposals(tx).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async latestProposal(tx: Tx, date: string): Promise<ProposalRow | undefined> {
    return this.selectProposals(tx).where('plan_date', '=', date).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  }

  async markAccepted(tx: Tx, id: string, date: string, acceptedBy: string | null, now: Date): Promise<void> {
    await tx.updateTable('dispatch_proposals').set({ status: 'superseded' }).where('plan_date', '=', date).where('status', '=', 'proposed').where('id', '!=', id).execute();
    await tx.updateTable('dispatch_proposals').set({ status: 'accepted', accepted_by: acceptedBy, accepted_at: now }).where('id', '=', id).execute();
  }

  private selectProposals(tx: Tx) {
    return tx
      .selectFrom('dispatch_proposals')
      .select([
        'id',
        sql<string>`plan_date::text`.as('planDate'),
        'status',
        sql<TimedRoute[]>`routes`.as('routes'),
        sql<Array<{ jobId: string; reason: string }>>`unassigned`.as('unassigned'),
        sql<number>`travel_minutes::float8`.as('travelMinutes'),
        'travel_source as travelSource',
        sql<ProposalRow['solver']>`solver`.as('solver'),
        'created_at as createdAt',
        'accepted_at as acceptedAt',
      ]);
  }
}
