import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, forbidden, versionConflict } from '../http/domain-error';
import { abilitiesFor, auditCase, loadCase } from './case-access';

/** The chief assigns the lead worker and the team (who, beyond the agency, may work the case). */
export async function assignCase(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: { version: number; leadWorkerId: string | null; teamUserIds: string[] },
) {
  const loaded = await loadCase(deps, ctx, caseId, 'case.assign');
  if (!abilitiesFor(ctx, loaded).assign) {
    throw forbidden({
      action: 'case.assign',
      subjectType: 'case',
      subjectId: caseId,
      personId: loaded.row.person_id,
    });
  }
  const { row } = loaded;
  const db = deps.database.db;
  const wanted = [
    ...new Set([...(input.leadWorkerId ? [input.leadWorkerId] : []), ...input.teamUserIds]),
  ];
  if (wanted.length > 0) {
    const users = await db
      .selectFrom('app_user')
      .select(['id', 'roles'])
      .where('id', 'in', wanted)
      .where('municipality_id', '=', row.municipality_id)
      .where('disabled_at', 'is', null)
      .execute();
    const ok = new Set(users.filter((u) => !u.roles.includes('partner_staff')).map((u) => u.id));
    const unknown = wanted.find((id) => !ok.has(id));
    if (unknown)
      throw fieldError(
        unknown === input.leadWorkerId ? 'leadWorkerId' : 'teamUserIds',
        'unknownReference',
      );
  }
  if (row.version !== input.version) throw versionConflict({ id: row.id, version: row.version });
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('support_case')
      .set({
        lead_worker_id: input.leadWorkerId,
        version: input.version + 1,
        updated_at: deps.now(),
      })
      .where('id', '=', caseId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw versionConflict({ id: row.id, version: row.version });
    await trx.deleteFrom('case_team_member').where('case_id', '=', caseId).execute();
    if (input.teamUserIds.length > 0) {
      await trx
        .insertInto('case_team_member')
        .values(
          input.teamUserIds.map((userId) => ({
            case_id: caseId,
            municipality_id: row.municipality_id,
            user_id: userId,
          })),
        )
        .execute();
    }
    await auditCase(
      trx,
      ctx,
      row,
      'case.assign',
      { type: 'case', id: caseId },
      {
        leadWorkerId: input.leadWorkerId,
        team: input.teamUserIds,
      },
    );
    return updated;
  });
}
