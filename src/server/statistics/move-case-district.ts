import { todayInJapan } from '../../domain/text/wareki';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import { assertDistrict } from '../cases/new-case';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, versionConflict } from '../http/domain-error';
import type { MoveCaseDistrictBody } from './schema';

/**
 * A case moves to another district (転居) from a given day. The history gets the day the move took
 * effect — not the day it was typed in — so the statistics count the case's events before that
 * day in the old district and from it in the new one (case_district_history, migration 0011).
 */
export async function moveCaseDistrict(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  body: MoveCaseDistrictBody,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'case.update');
  const db = deps.database.db;
  if (body.movedOn > todayInJapan(deps.now())) throw fieldError('movedOn', 'futureDate');
  if (body.districtId) await assertDistrict(db, row.municipality_id, body.districtId, 'districtId');
  if (row.version !== body.version) throw versionConflict({ id: row.id, version: row.version });
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('case_district_history')
      .select(['id', 'valid_from', 'district_id'])
      .where('case_id', '=', caseId)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    if (open && body.movedOn < open.valid_from) {
      throw fieldError('movedOn', 'notBeforeDistrictSince', { date: open.valid_from });
    }
    const updated = await trx
      .updateTable('support_case')
      .set({ version: body.version + 1, updated_at: deps.now() })
      .where('id', '=', caseId)
      .where('version', '=', body.version)
      .returning(['id', 'version'])
      .executeTakeFirst();
    if (!updated) throw versionConflict({ id: row.id, version: row.version });
    if (!open || open.district_id !== body.districtId) {
      if (open) {
        await trx
          .updateTable('case_district_history')
          .set({ valid_to: body.movedOn })
          .where('id', '=', open.id)
          .execute();
      }
      await trx
        .insertInto('case_district_history')
        .values({
          case_id: caseId,
          municipality_id: row.municipality_id,
          district_id: body.districtId,
          valid_from: body.movedOn,
        })
        .execute();
      // The trigger finds the open row already says this district, and adds nothing.
      await trx
        .updateTable('support_case')
        .set({ district_id: body.districtId })
        .where('id', '=', caseId)
        .execute();
    }
    await auditCase(
      trx,
      ctx,
      row,
      'case.district.move',
      { type: 'case', id: caseId },
      {
        from: row.district_id,
        to: body.districtId,
        movedOn: body.movedOn,
      },
    );
    return {
      id: caseId,
      version: updated.version,
      districtId: body.districtId,
      movedOn: body.movedOn,
    };
  });
}
