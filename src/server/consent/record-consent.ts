import { todayInJapan } from '../../domain/text/wareki';
import { auditCase, loadCaseToWork } from '../cases/case-access';
import { transitionCase } from '../cases/transition';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError } from '../http/domain-error';
import type { ConsentInput } from './schema';

/**
 * 利用申込・同意: the signed application with its scope of sharing. The first one moves the case
 * from 継続支援 to 利用申込済み; a later one (a wider scope, a renewed consent after a withdrawal)
 * is recorded beside it. Never edited afterwards.
 */
export async function recordConsent(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  input: ConsentInput,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'consent.create');
  const db = deps.database.db;
  if (input.givenOn > todayInJapan(deps.now())) throw fieldError('givenOn', 'futureDate');
  if (input.partnerAgencyIds.length > 0) {
    const found = await db
      .selectFrom('partner_agency')
      .select('id')
      .where('id', 'in', input.partnerAgencyIds)
      .where('municipality_id', '=', row.municipality_id)
      .execute();
    if (found.length !== new Set(input.partnerAgencyIds).size)
      throw fieldError('partnerAgencyIds', 'unknownReference');
  }
  if (input.scanAttachmentId) {
    const scan = await db
      .selectFrom('attachment')
      .select('id')
      .where('id', '=', input.scanAttachmentId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!scan) throw fieldError('scanAttachmentId', 'unknownReference');
  }
  return db.transaction().execute(async (trx) => {
    const moves = row.status === 'continuing' || row.status === 'reopened';
    const kase = moves
      ? await transitionCase(trx, ctx, row, 'record_application', {
          now: deps.now(),
          version: input.version,
        })
      : row;
    const consent = await trx
      .insertInto('consent')
      .values({
        municipality_id: row.municipality_id,
        case_id: caseId,
        given_on: input.givenOn,
        signed_by: input.signedBy,
        proxy_name: input.signedBy === 'proxy' ? input.proxyName : null,
        proxy_relation: input.signedBy === 'proxy' ? input.proxyRelation : null,
        obtained_by: ctx.actor.userId,
        explanation_given: input.explanationGiven,
        all_agencies: input.allAgencies,
        purposes: input.purposes,
        purpose_other: input.purposes.includes('other') ? input.purposeOther : null,
        scan_attachment_id: input.scanAttachmentId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const agencies = [...new Set(input.allAgencies ? [] : input.partnerAgencyIds)];
    if (agencies.length > 0) {
      await trx
        .insertInto('consent_agency')
        .values(
          agencies.map((id) => ({
            consent_id: consent.id,
            municipality_id: row.municipality_id,
            partner_agency_id: id,
          })),
        )
        .execute();
    }
    await auditCase(
      trx,
      ctx,
      row,
      'consent.create',
      { type: 'consent', id: consent.id },
      {
        allAgencies: input.allAgencies,
        agencies: agencies.length,
      },
    );
    return { case: kase, consent };
  });
}
