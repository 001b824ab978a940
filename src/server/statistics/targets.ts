import type { Kysely } from 'kysely';
import type { StatisticsTargets } from '../../domain/statistics/report';
import { authorize } from '../access/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { versionConflict } from '../http/domain-error';
import type { StatisticsTargetsBody } from './schema';

/** The 目安値 and their version: 0 while the municipality has set none. */
export interface TargetsView {
  values: StatisticsTargets;
  version: number;
  updatedAt: string | null;
}

const none: StatisticsTargets = {
  newConsultations: null,
  plans: null,
  employmentSupportTargets: null,
  employmentRate: null,
};

/** The municipality's 目安値 (not a use case: the report and the screens read them alike). */
export async function getTargets(
  db: Kysely<Database>,
  municipalityId: string,
): Promise<TargetsView> {
  const row = await db
    .selectFrom('statistics_target')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) return { values: none, version: 0, updatedAt: null };
  return {
    values: {
      newConsultations: row.new_consultations,
      plans: row.plans,
      employmentSupportTargets: row.employment_support_targets,
      employmentRate: row.employment_rate,
    },
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getStatisticsTargets(deps: AppDeps, ctx: ActorContext) {
  authorize(ctx.actor, 'statistics.read', undefined, { subjectType: 'statistics_target' });
  return getTargets(deps.database.db, ctx.actor.municipalityId);
}

/**
 * Sets the 目安値. The first save sends version 0; later ones the version they read, and a stale
 * one answers 409 with the current values.
 */
export async function putStatisticsTargets(
  deps: AppDeps,
  ctx: ActorContext,
  body: StatisticsTargetsBody,
): Promise<TargetsView> {
  const municipalityId = ctx.actor.municipalityId;
  authorize(
    ctx.actor,
    'statistics.manage',
    { municipalityId },
    { subjectType: 'statistics_target' },
  );
  const values = {
    new_consultations: body.newConsultations,
    plans: body.plans,
    employment_support_targets: body.employmentSupportTargets,
    employment_rate: body.employmentRate,
    updated_at: deps.now(),
    updated_by: ctx.actor.userId,
  };
  const saved = await deps.database.db.transaction().execute(async (trx) => {
    const row =
      body.version === 0
        ? await trx
            .insertInto('statistics_target')
            .values({ municipality_id: municipalityId, ...values })
            .onConflict((oc) => oc.column('municipality_id').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await trx
            .updateTable('statistics_target')
            .set({ ...values, version: body.version + 1 })
            .where('municipality_id', '=', municipalityId)
            .where('version', '=', body.version)
            .returning('version')
            .executeTakeFirst();
    if (!row) return false;
    await recordAudit(trx, ctx, {
      action: 'statistics.targets.update',
      outcome: 'success',
      subjectType: 'statistics_target',
      subjectId: municipalityId,
      legalBasis: 'administration',
    });
    return true;
  });
  const current = await getTargets(deps.database.db, municipalityId);
  if (!saved) throw versionConflict(current);
  return current;
}
